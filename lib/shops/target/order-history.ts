/**
 * Target's order_history JSON (issue #15; ../shared/docs/other-shops.md §3, known from real captures of the
 * `api.target.com/guest_order_aggregations/v1/order_history` answer), wherever the order page itself carries it:
 * a `<script type="application/json">`, or an inline script that sets a state object (`window.__X__ = {…}` or
 * `= JSON.parse("…")`). Where the page keeps it is not known from any capture; the shape is. Bounded: a page can
 * hold anything.
 */
import { z } from 'zod';

const text = z.string().max(2_000);
const date = text.nullish();

const statusSchema = z.object({
  key: text.nullish(),
  code: z.union([text, z.number()]).nullish(),
  date,
  tracking_number: text.nullish(),
  fulfilled_date: date,
  estimated_start_date: date,
  estimated_end_date: date,
});

export const orderLineSchema = z.object({
  item: z.object({ tcin: z.union([text, z.number()]).nullish(), description: text.nullish() }).nullish(),
  original_quantity: z.number().nullish(),
  fulfillment_spec: z
    .object({
      fulfillment_type: text.nullish(),
      guest_promised_delivery_start_date: date,
      guest_promised_delivery_end_date: date,
      status: statusSchema.nullish(),
    })
    .nullish(),
  /** §3: `grouping.name` (DELIVERED, ORDER_SHIPPED …) and `grouping.key` (the tracking number). That it sits on the line is our assumption. */
  grouping: z.object({ name: text.nullish(), key: text.nullish() }).nullish(),
});

export type TargetOrderLine = z.infer<typeof orderLineSchema>;

export const targetOrderSchema = z.object({
  order_number: z.union([text, z.number()]),
  placed_date: date,
  order_purchase_type: text.nullish(),
  summary: z.object({ grand_total: z.union([text, z.number()]).nullish() }).nullish(),
  order_lines: z.array(z.unknown()).max(500),
});

const MAX_SCRIPTS = 80;
const MAX_SCRIPT_CHARS = 3_000_000;
const MAX_NODES = 50_000;
const MAX_DEPTH = 24;
const MAX_ASSIGNMENTS = 4;
const ORDER_LINES_KEY = /\\?"order_lines\\?"\s*:\s*\[/;

export interface EmbeddedOrders {
  /** Order-shaped objects (an `order_number` and an `order_lines` array), in page order, each once. */
  orders: unknown[];
  /** Where they were found: `script[type=application/json]`, `script=`, `script=JSON.parse`. */
  where: string | null;
}

/** Every order_history-shaped object the document's own scripts carry. */
export function embeddedTargetOrders(doc: Document): EmbeddedOrders {
  const scripts = doc.querySelectorAll('script:not([src])');
  const orders: unknown[] = [];
  let where: string | null = null;
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    const s = scripts[i]!;
    const t = s.textContent ?? '';
    if (t.length > MAX_SCRIPT_CHARS || !t.includes('order_lines')) continue;
    // The key as data writes it (`"order_lines":[`, or escaped inside a string literal), not as code mentions it.
    const key = ORDER_LINES_KEY.exec(t);
    if (!key) continue;
    const type = (s.getAttribute('type') ?? '').trim().toLowerCase();
    for (const [label, value] of type === 'application/json' || type === 'application/ld+json' ? [['script[type=application/json]', parse(t)] as const] : assignedValues(t, key.index)) {
      const before = orders.length;
      collect(value, orders, 0, { n: 0 });
      if (orders.length > before) where ??= label;
    }
  }
  const seen = new Set<string>();
  return {
    orders: orders.filter((o) => {
      const k = String((o as { order_number: unknown }).order_number);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }),
    where,
  };
}

/**
 * The values an inline script assigns that hold the data at `keyAt`: the nearest `= {…}` object literal that is
 * JSON, or `JSON.parse("…")` string, before it (a state object encloses its orders), a few tried from the nearest
 * back. Code elsewhere in a large script is never scanned brace by brace.
 */
function assignedValues(t: string, keyAt: number): (readonly [string, unknown])[] {
  const starts: { at: number; parseCall: boolean }[] = [];
  const re = /=\s*\{|JSON\.parse\(\s*["']/g;
  const head = t.slice(0, keyAt);
  for (let m = re.exec(head); m; m = re.exec(head)) starts.push({ at: m.index + m[0].length - 1, parseCall: m[0][0] === 'J' });
  for (const { at, parseCall } of starts.slice(-MAX_ASSIGNMENTS).reverse()) {
    if (parseCall) {
      const literal = stringLiteralAt(t, at);
      const v = literal === null ? undefined : parse(literal);
      if (v !== undefined) return [['script=JSON.parse', v]];
    } else {
      const json = jsonObjectAt(t, at);
      // An object that closes before the key is some other assignment.
      const v = json === null || at + json.length <= keyAt ? undefined : parse(json);
      if (v !== undefined) return [['script=', v]];
    }
  }
  return [];
}

function parse(t: string): unknown {
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

function collect(v: unknown, out: unknown[], depth: number, budget: { n: number }): void {
  if (depth > MAX_DEPTH || ++budget.n > MAX_NODES || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) collect(x, out, depth + 1, budget);
    return;
  }
  const o = v as Record<string, unknown>;
  if ((typeof o['order_number'] === 'string' || typeof o['order_number'] === 'number') && Array.isArray(o['order_lines'])) {
    out.push(o);
    return;
  }
  for (const x of Object.values(o)) collect(x, out, depth + 1, budget);
}

/** The JSON object that starts at `start` (a `{`), found by its matching brace outside strings; null if unclosed. */
function jsonObjectAt(t: string, start: number): string | null {
  let depth = 0;
  let inString = false;
  for (let i = start; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return t.slice(start, i + 1);
  }
  return null;
}

/** The JavaScript string literal that starts at `start` (its quote), decoded as JSON would; null when it does not close or is not JSON-escaped. */
function stringLiteralAt(t: string, start: number): string | null {
  const quote = t.charCodeAt(start);
  for (let i = start + 1; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 92) i++;
    else if (c === quote) {
      const body = t.slice(start + 1, i);
      const asJson = quote === 34 ? body : body.replace(/\\'/g, "'").replace(/"/g, '\\"');
      const v = parse(`"${asJson}"`);
      return typeof v === 'string' ? v : null;
    }
  }
  return null;
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', reg: '®', trade: '™', copy: '©',
  ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', deg: '°',
  frac12: '½', frac14: '¼', frac34: '¾', times: '×', eacute: 'é', egrave: 'è', ntilde: 'ñ', uuml: 'ü', ouml: 'ö', auml: 'ä',
};

/**
 * `item.description` carries HTML entities (§3: "Women&#39;s …", "&#8482;"): decoded as text, never parsed as
 * HTML (a `<b>` in it stays the characters `<b>`). Unknown names are left as written.
 */
export function decodeEntities(s: string): string {
  return s.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,10});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}
