/**
 * The JSON a carrier's tracking page renders from (issue #14: embedded page state, a JSON response
 * opened in the browser, the captures in tests/fixtures/carrier-pages), read without knowing its
 * schema: the list whose objects carry dates is the timeline; each object's fields become a row whose
 * roles come from the key names; the status fields of the object that holds the list are the page's
 * own statement of the current status.
 */
import { readDateTime } from './dates';
import type { Fragment, FragmentRole, Row } from './timeline';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Key names → roles, first match wins (`countryCode` is a place part, not a code). */
const KEY_ROLES: readonly (readonly [RegExp, FragmentRole | 'skip'])[] = [
  [/offset|timezone|^tz$/i, 'offset'],
  [/location|^ort$|city|place|country|^state|address|^area$/i, 'place'],
  [/date|datum|time|zeit|timestamp|^when$/i, 'date'],
  [/(code|cd)$/i, 'code'],
  [/desc|dscr|status|activity|event|message|^text$|remark|detail/i, 'description'],
];

function roleOfKey(key: string): FragmentRole | 'skip' | null {
  for (const [re, role] of KEY_ROLES) if (re.test(key)) return role;
  return null;
}

/** String fields of `obj` and its nested objects (not lists), with their key paths. */
function fields(obj: JsonObject, depth: number, prefix = ''): { path: string; key: string; value: string }[] {
  const out: { path: string; key: string; value: string }[] = [];
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      const v = value.replace(/\s+/g, ' ').trim();
      if (v) out.push({ path, key, value: v });
    } else if (isObject(value) && depth > 0) out.push(...fields(value, depth - 1, path));
  }
  return out;
}

/** One object of the timeline list as a row: place parts joined ("Bernau, Deutschland"), one date fragment. */
function rowOf(obj: JsonObject): Row {
  const row: Fragment[] = [];
  const dates: string[] = [];
  const placeParts = new Map<string, string[]>();
  for (const f of fields(obj, 2)) {
    const role = roleOfKey(f.key);
    if (role === 'skip' || role === null) continue;
    if (role === 'date') dates.push(f.value);
    else if (role === 'place') {
      // Parts of one address object, grouped by that object; a whole "location" string stands alone.
      const owner = f.path.includes('.') ? f.path.slice(0, f.path.lastIndexOf('.')) : f.path;
      // A country code next to the country's name says it twice.
      if (/code|cd$/i.test(f.key) && fields(obj, 2).some((o) => o.path.startsWith(owner) && /countryname|^country$/i.test(o.key))) continue;
      placeParts.set(owner, [...(placeParts.get(owner) ?? []), f.value]);
    } else row.push({ text: f.value, role });
  }
  if (dates.length) row.unshift({ text: dates.join(' '), role: 'date' });
  for (const parts of placeParts.values()) row.push({ text: parts.join(', '), role: 'place' });
  return row;
}

const isStatusKey = (key: string) => /status/i.test(key) && !/code|cd$|date|datum|time|colou?r|farbe|image|bar|flag|type/i.test(key);

function datedCount(list: Json[]): number {
  let n = 0;
  for (const el of list) {
    if (!isObject(el)) continue;
    const dates = fields(el, 1).filter((f) => roleOfKey(f.key) === 'date');
    if (dates.length && readDateTime(dates.map((d) => d.value).join(' ')).day) n++;
  }
  return n;
}

export interface JsonReading {
  rows: Row[];
  /** The page's statement of the current status (shipment-level status fields, in order). */
  statuses: string[];
  /** Every string value with its key: the number candidates. */
  strings: { key: string; value: string }[];
  /** The key path of the timeline list (`results[].checkpoints[]`), for diagnostics. */
  layout: string;
}

/** Reads `root` (rows empty when it holds no dated list). */
export function readJsonTimeline(root: Json): JsonReading {
  let best: { list: Json[]; holder: JsonObject | null; path: string; score: number } | null = null;
  const strings: { key: string; value: string }[] = [];
  const anyStatuses: string[] = [];
  // Bounded walk: page state can be large; 20k nodes is far beyond any tracking page's.
  let budget = 20_000;
  const walk = (node: Json, path: string, holder: JsonObject | null, key: string) => {
    if (--budget < 0) return;
    if (typeof node === 'string') {
      strings.push({ key, value: node });
      if (isStatusKey(key) && node.trim()) anyStatuses.push(node.replace(/\s+/g, ' ').trim());
      return;
    }
    if (Array.isArray(node)) {
      const score = datedCount(node);
      if (score > 0 && (!best || score > best.score)) best = { list: node, holder, path, score };
      for (const el of node) walk(el, `${path}[]`, isObject(el) ? el : holder, key);
      return;
    }
    if (isObject(node)) for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k, holder, k);
  };
  walk(root, '', isObject(root) ? root : null, '');
  const found = best as { list: Json[]; holder: JsonObject | null; path: string } | null;
  const rows = found ? found.list.filter(isObject).map(rowOf) : [];
  // Status fields of the object holding the timeline (not its lists: a progress bar lists every
  // step); without a timeline, every status field of the document.
  const statuses = found?.holder ? fields(found.holder, 4).filter((f) => isStatusKey(f.key)).map((f) => f.value) : anyStatuses;
  return { rows, statuses, strings, layout: found ? `json ${found.path || '(root)'}` : `json keys ${Object.keys(isObject(root) ? root : {}).slice(0, 6).join(',')}` };
}

export type { Json };
