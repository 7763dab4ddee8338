/**
 * Files in and out of the options page (issue #12), the web platform's own way: a download is a
 * Blob behind an `<a download>` (no "downloads" permission in Chrome or Firefox), and a chosen file
 * is read as a stream of text. The Blob is assembled from the writer's pieces, so the page never
 * builds the file as one string.
 */
export async function saveFile(name: string, type: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<number> {
  // Pieces are folded into a Blob every few megabytes: the browser keeps Blob data outside the
  // script's heap (Chrome spills large ones to disk), so a big history does not sit in memory twice.
  let blob = new Blob([], { type });
  let parts: string[] = [];
  let pending = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    pending += chunk.length;
    if (pending > 8 * 1024 * 1024) {
      blob = new Blob([blob, ...parts], { type });
      parts = [];
      pending = 0;
    }
  }
  blob = new Blob([blob, ...parts], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob.size;
}

/** The file's text, piece by piece (UTF-8), from its start every time it is called. */
export function textChunksOf(file: Blob): () => AsyncIterable<string> {
  return async function* () {
    const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  };
}
