import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Issue #13 §3: everything popup.html loads before its first paint, gzip, at most this. */
export const POPUP_FIRST_LOAD_LIMIT = 35 * 1024;

export interface LoadedFile {
  file: string;
  bytes: number;
  gzip: number;
}

const gzipOf = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/**
 * What the built popup.html loads before it paints: the page itself, its script, stylesheet and
 * modulepreload tags, and every module those scripts import statically (followed to the end; a
 * dynamic `import()` is left out, since it loads only when the popup asks for it).
 */
export function popupFirstLoad(dist: string): { files: LoadedFile[]; total: number } {
  const html = readFileSync(join(dist, 'popup.html'));
  const files: LoadedFile[] = [{ file: 'popup.html', bytes: html.length, gzip: gzipOf(html) }];
  const seen = new Set<string>();
  const queue: string[] = [];
  const add = (ref: string, from: string) => {
    const path = ref.startsWith('/') ? ref.slice(1) : join(from, ref).replace(/\\/g, '/');
    if (seen.has(path)) return;
    seen.add(path);
    queue.push(path);
  };
  for (const m of html.toString().matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)) add(m[1]!, '');
  while (queue.length) {
    const path = queue.shift()!;
    const full = join(dist, path);
    if (!existsSync(full)) throw new Error(`popup.html loads ${path}, which is not in ${dist}`);
    const buf = readFileSync(full);
    files.push({ file: path, bytes: buf.length, gzip: gzipOf(buf) });
    if (!path.endsWith('.js')) continue;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const code = buf.toString();
    // Static imports only: `import … from "x"`, `import "x"` and `export … from "x"` (minified or not).
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.js)["']/g)) add(m[1]!, dir);
  }
  return { files, total: files.reduce((a, f) => a + f.gzip, 0) };
}

export function formatFirstLoad(r: { files: LoadedFile[]; total: number }): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    ...r.files.map((f) => `  ${f.file.padEnd(44)} ${kb(f.bytes).padStart(9)}  gzip ${kb(f.gzip).padStart(8)}`),
    `  ${'total'.padEnd(44)} ${kb(r.files.reduce((a, f) => a + f.bytes, 0)).padStart(9)}  gzip ${kb(r.total).padStart(8)} (limit ${kb(POPUP_FIRST_LOAD_LIMIT)})`,
  ].join('\n');
}
