/**
 * The rendered tracking page (issue #14), read without knowing its layout: the element whose
 * children are the most dated records is the timeline (table rows, `dt`/`dd` groups, blocks between
 * `<hr>`s, list items); each record's text fragments, with the role their column header or
 * `data-label` names, go to the shared row reader (timeline.ts). Status elements (a class or id
 * with "status") outside the timeline are the page's statement of the current status. JSON the
 * page carries (embedded page state, a JSON document the browser shows in a `<pre>`) is handed to
 * read-json.ts. Only text and attributes are read: nothing is rendered, no script runs.
 */
import { readDateTime } from './dates';
import type { Json } from './read-json';
import type { Fragment, FragmentRole, Row } from './timeline';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'OPTION', 'BUTTON', 'SVG', 'HEAD', 'INPUT', 'TEXTAREA', 'IFRAME']);
const ELEMENT = 1;
const TEXT = 3;

/** Column labels in the carriers' languages → roles. */
const LABEL_ROLES: readonly (readonly [RegExp, FragmentRole])[] = [
  [/date|datum|time|zeit|uhrzeit|fecha|heure|data|ora/i, 'date'],
  [/location|\bort\b|city|stadt|place|lieu|ville|ciudad|luogo|plaats|country|land/i, 'place'],
  [/activity|status|event|description|ereignis|beschreibung|détail|estado|evento|stato/i, 'description'],
];

function roleOfLabel(label: string): FragmentRole | null {
  for (const [re, role] of LABEL_ROLES) if (re.test(label)) return role;
  return null;
}

const clean = (s: string) => s.replace(/[\u00a0\s]+/g, ' ').trim();

/** Text fragments under `node`; links are left out of timeline rows ("Proof of Delivery" is no event text). */
function textFragments(node: Node, role: FragmentRole | null, out: Fragment[], budget: { n: number }, links = true): void {
  if (--budget.n < 0) return;
  if (node.nodeType === TEXT) {
    const t = clean(node.textContent ?? '');
    if (t) out.push({ text: t, role });
    return;
  }
  if (node.nodeType !== ELEMENT) return;
  const el = node as Element;
  if (SKIP.has(el.tagName.toUpperCase()) || (!links && el.tagName.toUpperCase() === 'A')) return;
  let own = role;
  // One data-label names the cell; an element with several (DHL's dt: date and place) leaves it to the content.
  const labels = [...el.attributes].filter((a) => a.name === 'data-label' || a.name.startsWith('data-label-'));
  if (labels.length === 1) own = roleOfLabel(labels[0]!.value) ?? role;
  for (const child of el.childNodes) textFragments(child, own, out, budget, links);
}

/** Column header labels of the table around `row`, by cell index. */
function headerRoles(row: Element): (FragmentRole | null)[] {
  const table = row.closest('table');
  const header = [...(table?.querySelectorAll('tr') ?? [])].find((tr) => [...tr.children].some((c) => c.tagName.toUpperCase() === 'TH'));
  if (!header) return [];
  return [...header.children].map((c) => roleOfLabel(clean(c.textContent ?? '')));
}

/** The records an element's children form (see the file header). */
function recordsOf(el: Element): Node[][] {
  const kids = [...el.childNodes].filter((n) => n.nodeType === ELEMENT || (n.nodeType === TEXT && clean(n.textContent ?? '')));
  const tag = (n: Node) => (n.nodeType === ELEMENT ? (n as Element).tagName.toUpperCase() : '#text');
  if (kids.some((n) => tag(n) === 'HR')) {
    const groups: Node[][] = [[]];
    for (const n of kids) {
      if (tag(n) === 'HR') groups.push([]);
      else groups[groups.length - 1]!.push(n);
    }
    return groups.filter((g) => g.length);
  }
  if (kids.some((n) => tag(n) === 'DT')) {
    const groups: Node[][] = [];
    for (const n of kids) {
      if (tag(n) === 'DT' || groups.length === 0) groups.push([n]);
      else groups[groups.length - 1]!.push(n);
    }
    return groups;
  }
  return kids.filter((n) => n.nodeType === ELEMENT && !SKIP.has(tag(n))).map((n) => [n]);
}

function rowOf(group: Node[]): Row {
  const out: Fragment[] = [];
  const budget = { n: 2_000 };
  for (const n of group) {
    if (n.nodeType === ELEMENT && (n as Element).tagName.toUpperCase() === 'TR') {
      const tr = n as Element;
      const cells = [...tr.children];
      if (!cells.some((c) => c.tagName.toUpperCase() === 'TD')) continue;
      const roles = headerRoles(tr);
      cells.forEach((cell, i) => {
        const before = out.length;
        textFragments(cell, roles[i] ?? null, out, budget, false);
        // An empty cell of the place column: the row shares the place printed above it (UPS groups rows by place).
        if (out.length === before && roles[i] === 'place') out.push({ text: '', role: 'place' });
      });
    } else textFragments(n, null, out, budget, false);
  }
  return out;
}

const hasDate = (row: Row) => row.some((f) => readDateTime(f.text).day !== null);

export interface DomReading {
  rows: Row[];
  statuses: string[];
  /** Visible text, for the number. */
  text: string;
  /** JSON the page carries, parsed. */
  islands: Json[];
  /** The timeline's place in the page (`table.dataTable>tbody>tr×12`) or a summary of the page. */
  layout: string;
}

function describe(el: Element): string {
  const cls = el.classList[0];
  return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}`;
}

/** JSON in the page: `<script type=application/json>`, `JSON.parse("…")` state, or a JSON body (a JSON URL opened in the browser). */
function islandsOf(doc: Document): Json[] {
  const out: Json[] = [];
  const tryParse = (text: string) => {
    try {
      out.push(JSON.parse(text) as Json);
    } catch {
      // Not JSON: a script, not data.
    }
  };
  for (const s of doc.querySelectorAll('script:not([src])')) {
    const text = s.textContent ?? '';
    if (text.length > 2_000_000) continue;
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    if (type.includes('json')) {
      tryParse(text);
      continue;
    }
    for (const m of text.matchAll(/JSON\.parse\(\s*("(?:[^"\\]|\\.)*")\s*\)/g)) {
      try {
        tryParse(JSON.parse(m[1]!) as string);
      } catch {
        // A string literal JSON cannot read (single-quote escapes): not ours to guess.
      }
    }
  }
  const body = clean(doc.body?.textContent ?? '');
  if (/^[[{]/.test(body) && (doc.body?.querySelectorAll('*').length ?? 0) <= 3) tryParse(doc.body!.textContent!.trim());
  return out;
}

export function readDom(doc: Document): DomReading {
  const all = [...(doc.body?.querySelectorAll('*') ?? [])].filter((el) => !SKIP.has(el.tagName.toUpperCase()) && !el.closest('script,style,noscript,template'));
  let best: { el: Element; rows: Row[]; dated: number } | null = null;
  for (const el of all) {
    if (el.childElementCount < 1) continue;
    const groups = recordsOf(el);
    if (groups.length < 1) continue;
    // Cheap pre-check before building rows: some child text has a digit.
    if (!/\d/.test(el.textContent ?? '')) continue;
    const rows = groups.map(rowOf);
    const dated = rows.filter(hasDate).length;
    if (dated > 0 && (!best || dated > best.dated)) best = { el, rows, dated };
  }
  const timeline = best?.el ?? null;
  // Status elements: leaf-most class/id "status" elements outside the timeline, short text.
  const statusEls = all.filter((el) => /status/i.test(`${el.getAttribute('class') ?? ''} ${el.id}`) && !(timeline && timeline.contains(el)));
  const statuses = statusEls
    .filter((el) => !statusEls.some((o) => o !== el && el.contains(o)))
    .map((el) => {
      const parts: Fragment[] = [];
      textFragments(el, null, parts, { n: 500 });
      return parts.map((p) => p.text).join(' ');
    })
    .filter((t) => t && t.length <= 300);
  const islands = islandsOf(doc);
  const layout = timeline
    ? `${timeline.parentElement ? `${describe(timeline.parentElement)}>` : ''}${describe(timeline)}>${best!.rows.length} records`
    : `dom tables:${doc.querySelectorAll('table').length} dl:${doc.querySelectorAll('dl').length} hr:${doc.querySelectorAll('hr').length} json:${islands.length}`;
  const parts: Fragment[] = [];
  if (doc.body) textFragments(doc.body, null, parts, { n: 50_000 });
  return { rows: best?.rows ?? [], statuses, text: parts.map((p) => p.text).join('\n'), islands, layout };
}
