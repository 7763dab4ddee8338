import { type Browser, browser } from 'wxt/browser';
import { type GenericPageReading, readGenericPage } from '../shops/generic/read-generic-page';
import { readerForPage } from '../shops/registry';
import type { PageReading } from '../shops/types';
import { sendMessage } from './messaging';
import { userTimeZone } from './user-time-zone';

/**
 * Parses a shop page fetched in the background. A Chrome service worker has no DOMParser, so there
 * the page goes to an offscreen document (reason DOM_PARSER,
 * https://developer.chrome.com/docs/extensions/reference/api/offscreen); Firefox's background page
 * has a DOM and parses in place.
 */
export function readHtml(html: string, url: string, now: number): PageReading {
  const u = new URL(url);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // By URL first (Amazon), else by the document (a Shopify store on its own domain, issue #15).
  const reader = readerForPage(doc, u);
  if (!reader) throw new Error(`No reader for ${u.hostname}${u.pathname}`);
  // The offscreen document runs in the shopper's browser: its zone is the shopper's calendar.
  return reader.extract(doc, u, new Date(now), { timeZone: userTimeZone() });
}

/** Any page, read generically: schema.org, links to carriers' tracking pages, labelled numbers. */
export function readGenericHtml(html: string, url: string, now: number): GenericPageReading {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return readGenericPage(doc, new URL(url), new Date(now));
}

const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

async function ensureOffscreen(): Promise<void> {
  // The Chrome-only APIs, typed by @wxt-dev/browser; absent on Firefox (which has a DOM anyway).
  const chromeApi = (globalThis as { chrome?: typeof browser }).chrome;
  const offscreen = chromeApi?.offscreen;
  if (!chromeApi || !offscreen) throw new Error('No offscreen API and no DOMParser here');
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await chromeApi.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [url],
  });
  if (contexts.length > 0) return;
  creating ??= offscreen
    .createDocument({
      url,
      reasons: ['DOM_PARSER' as Browser.offscreen.Reason],
      justification: 'Read shop tracking pages fetched in the background',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

export async function parsePageInBackground(html: string, url: string, now: number): Promise<PageReading> {
  if (typeof DOMParser !== 'undefined') return readHtml(html, url, now);
  await ensureOffscreen();
  const res = await sendMessage('parseHtml', { html, url, now });
  if ('error' in res) throw new Error(res.error);
  return res;
}

export async function parseGenericInBackground(html: string, url: string, now: number): Promise<GenericPageReading> {
  if (typeof DOMParser !== 'undefined') return readGenericHtml(html, url, now);
  await ensureOffscreen();
  const res = await sendMessage('parseGeneric', { html, url, now });
  if ('error' in res) throw new Error(res.error);
  return res;
}
