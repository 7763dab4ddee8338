// @vitest-environment node
/**
 * The reading behind the popup's size check (tests/build/popup-size.build.test.ts, issue #13 §3):
 * a built page's script, stylesheet and modulepreload tags, and what their modules import
 * statically, to the end; a dynamic import() is left out (it loads when the popup asks for it).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { popupFirstLoad } from '../support/popup-size';

describe('popupFirstLoad', () => {
  let dist = '';
  afterEach(() => rmSync(dist, { recursive: true, force: true }));
  const write = (files: Record<string, string>) => {
    dist = mkdtempSync(join(tmpdir(), 'popup-size-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dist, name, '..'), { recursive: true });
      writeFileSync(join(dist, name), text);
    }
  };

  it('follows tags and static imports, not dynamic ones, and sums gzip sizes', () => {
    write({
      'popup.html': '<script type="module" crossorigin src="/chunks/popup-a.js"></script><link rel="modulepreload" crossorigin href="/chunks/b.js"><link rel="stylesheet" href="/assets/popup.css">',
      'chunks/popup-a.js': 'import{a as x}from"./b.js";import"./c.js";const l=()=>import("./lazy.js");export{x,l};',
      'chunks/b.js': 'export*from"./d.js";export const a=1;',
      'chunks/c.js': 'console.log(1)',
      'chunks/d.js': 'export const d=2;',
      'chunks/lazy.js': 'x'.repeat(100_000),
      'assets/popup.css': 'body{color:red}',
    });
    const r = popupFirstLoad(dist);
    expect(r.files.map((f) => f.file).sort()).toEqual(['assets/popup.css', 'chunks/b.js', 'chunks/c.js', 'chunks/d.js', 'chunks/popup-a.js', 'popup.html']);
    expect(r.total).toBe(r.files.reduce((a, f) => a + f.gzip, 0));
    expect(r.files.every((f) => f.gzip > 0 && f.bytes > 0)).toBe(true);
  });

  it('fails when the page loads a file that is not there', () => {
    write({ 'popup.html': '<script type="module" src="/chunks/missing.js"></script>' });
    expect(() => popupFirstLoad(dist)).toThrow(/missing\.js/);
  });
});
