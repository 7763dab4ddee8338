/**
 * "Page and carrier text never rendered as HTML; no remote code" (README "Privacy and permissions"),
 * held at the source: no extension code writes HTML into a document or evaluates strings as code.
 * Reading `innerHTML` (the webmail reader hands a message's markup to the pure e-mail reader) and
 * parsing with DOMParser (which runs no scripts) are fine. This is also why web-ext lint's
 * innerHTML warning, which points into Preact's renderer (dangerouslySetInnerHTML), is explained
 * rather than fixed (scripts/lint-firefox.mjs).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['lib', 'components', 'entrypoints'];
const SINKS: [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML/outerHTML assignment', /\.(inner|outer)HTML\s*\+?=(?!=)/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['createContextualFragment', /createContextualFragment/],
  ['srcdoc', /\bsrcdoc\b/],
  ['eval', /(^|[^\w.])eval\s*\(/],
  ['Function constructor', /\bnew\s+Function\s*\(|(^|[^\w.])Function\s*\(\s*['"`]/],
  ['string timer', /set(Timeout|Interval)\s*\(\s*['"`]/],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** Lines of code, without the comment lines (the sinks may be named in comments that explain them). */
function codeLines(text: string): { line: number; code: string }[] {
  return text
    .split('\n')
    .map((code, i) => ({ line: i + 1, code }))
    .filter(({ code }) => !/^\s*(\/\/|\*|\/\*)/.test(code));
}

describe('no HTML sinks or string evaluation in extension code', () => {
  const files = ROOTS.flatMap(sources);

  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(SINKS)('no %s', (_name, re) => {
    const hits = files.flatMap((f) =>
      codeLines(readFileSync(f, 'utf8'))
        .filter(({ code }) => re.test(code))
        .map(({ line, code }) => `${f}:${line}: ${code.trim()}`),
    );
    expect(hits).toEqual([]);
  });

  it('the patterns catch what they are for', () => {
    const caught = (code: string) => SINKS.filter(([, re]) => re.test(code)).map(([n]) => n);
    expect(caught('el.innerHTML = text;')).toEqual(['innerHTML/outerHTML assignment']);
    expect(caught('el.innerHTML += text;')).toEqual(['innerHTML/outerHTML assignment']);
    expect(caught('if (el.innerHTML === text) {}')).toEqual([]);
    expect(caught('const html = body.innerHTML;')).toEqual([]);
    expect(caught('<div dangerouslySetInnerHTML={{ __html: x }} />')).toEqual(['dangerouslySetInnerHTML']);
    expect(caught('const f = new Function("return 1")')).toEqual(['Function constructor']);
    expect(caught('eval(code)')).toEqual(['eval']);
    expect(caught('retrieval(code)')).toEqual([]);
    expect(caught("setTimeout('run()', 5)")).toEqual(['string timer']);
  });
});
