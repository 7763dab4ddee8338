// Chrome offscreen document: gives the service worker a DOMParser for fetched shop pages.
import { readGenericHtml, readHtml } from '@/lib/platform/html-parser';
import { onMessage } from '@/lib/platform/messaging';

onMessage('parseHtml', ({ data }) => {
  try {
    return readHtml(data.html, data.url, data.now);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
});

onMessage('parseGeneric', ({ data }) => {
  try {
    return readGenericHtml(data.html, data.url, data.now);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
});
