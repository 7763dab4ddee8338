/**
 * Amazon's printable order summary / invoice (`/gp/css/summary/print.html?orderID=…`, digital orders:
 * `/gp/digital/your-account/order-summary.html?orderID=…`), issue #18. Shoppers open it to print an invoice;
 * it carries the order id, the placed date, the items with their prices, the shipments and the totals (the
 * claim kit needs the prices). Structure (../shared/docs/amazon-pages.md §4): a 1990s table layout without
 * semantic classes; the title "Amazon.com - Order <id>" / "Amazon.de - Bestellung <id>"; header lines
 * "Order Placed:", "Amazon.com order number:", "Order Total:"; one table per shipment headed "Shipped on
 * <date>" / "Shipping now" / "Not Yet Shipped" (de "versandt am …", "Versand in Kürze", "Versand wird
 * vorbereitet"); item rows "1 of: <title> Sold by: <seller> Condition: New" with the price in the row's last
 * cell; "Order Canceled" on cancelled digital orders. No tracking numbers, no carriers.
 *
 * So the page is read by its words, per language (vocabulary `summary` labels), never by class names.
 */
import type { OrderItem, OrderKind } from '../../model/types';
import type { OrderReading } from '../types';
import { MONEY_RE, text } from './dom';
import type { ReadContext } from './orders';
import { parseHeaderDate } from './status-text';
import { isOrderId, ORDER_ID_RE } from './urls';
import { normalise, VOCABULARY } from './vocabulary';

/** True when the page looks like a printable summary: its title or its header names an Amazon order. */
export function looksLikeSummary(doc: Document, ctx: ReadContext): boolean {
  const title = normalise(doc.title ?? '');
  const labels = summaryLabels(ctx);
  return labels.some((l) => l.title.test(title)) || labels.some((l) => l.orderNumber.test(normalise(text(doc.body))));
}

function summaryLabels(ctx: ReadContext) {
  return ctx.language === 'en' ? [VOCABULARY.en.summary] : [VOCABULARY[ctx.language].summary, VOCABULARY.en.summary];
}

/** Leaf-ish text lines of the page, in document order (cells, bold labels, line breaks split). */
function linesOf(root: Element): { line: string; el: Element }[] {
  const out: { line: string; el: Element }[] = [];
  for (const el of root.querySelectorAll('td, b, i, span, div, p, h1, h2, h3, font, center')) {
    // Only elements whose own direct text is not empty: a cell of cells is read through its children.
    let own = '';
    for (const n of el.childNodes) if (n.nodeType === 3) own += n.textContent ?? '';
    if (!own.trim()) continue;
    // `<br>`-separated lines inside one cell stay apart.
    let cur = '';
    for (const n of el.childNodes) {
      if (n.nodeType === 1 && (n as Element).tagName === 'BR') {
        if (cur.trim()) out.push({ line: cur.replace(/\s+/g, ' ').trim(), el });
        cur = '';
      } else if (n.nodeType === 3) cur += n.textContent ?? '';
      else if (n.nodeType === 1) cur += ` ${(n as Element).textContent ?? ''} `;
    }
    if (cur.trim()) out.push({ line: cur.replace(/\s+/g, ' ').trim(), el });
  }
  return out;
}

function money(s: string): string | null {
  return MONEY_RE.exec(s)?.[0]?.replace(/\s+/g, ' ').trim() ?? null;
}

/** What a summary held and what was read of it: the "layout changed" diagnostic's figures. */
export interface SummaryReading {
  order: OrderReading | null;
  /** "N of:" item rows seen, and items read. */
  itemRows: number;
  itemsRead: number;
  /** Shipment headings ("Shipped on …", "Shipping now") seen. */
  shipments: number;
}

/** Reads the printable summary. `order` is null when no order id is found. */
export function readSummaryPage(doc: Document, ctx: ReadContext): SummaryReading {
  const root = doc.body ?? doc.documentElement;
  const labels = summaryLabels(ctx);
  const all = linesOf(root);
  const norm = all.map((l) => normalise(l.line));
  const q = ctx.base.searchParams;
  const titleId = ORDER_ID_RE.exec(doc.title ?? '')?.[0];
  let labelledId: string | undefined;
  let placedAt: string | null = null;
  let total: string | null = null;
  let grand: string | null = null;
  let cancelled = false;
  let digital = false;
  const items: OrderItem[] = [];
  let itemRows = 0;
  let shipmentCount = 0;

  for (let i = 0; i < all.length; i++) {
    const line = all[i]!.line;
    const n = norm[i]!;
    const match = (key: 'placed' | 'orderNumber' | 'total' | 'grandTotal' | 'shipped' | 'notShipped' | 'cancelled' | 'digital' | 'itemRow') =>
      labels.find((l) => l[key].test(n));
    // A label's value is on its own line or the next one ("Order Placed:" / "December 28, 2018").
    const valueOf = () => {
      const rest = line.replace(/^[^:：]*[:：]/, '').trim(); // Japanese labels end in a full-width colon
      return rest && rest !== line ? rest : (all[i + 1]?.line ?? '');
    };
    if (!labelledId && match('orderNumber')) labelledId = ORDER_ID_RE.exec(line)?.[0] ?? ORDER_ID_RE.exec(all[i + 1]?.line ?? '')?.[0];
    if (!placedAt && match('placed')) placedAt = parseHeaderDate(valueOf(), ctx);
    if (!total && match('total')) total = money(line) ?? money(all[i + 1]?.line ?? '');
    if (match('grandTotal')) grand = money(line) ?? money(all[i + 1]?.line ?? '') ?? grand;
    if (match('cancelled')) cancelled = true;
    if (match('digital')) digital = true;
    const shipped = match('shipped');
    const waiting = !shipped && match('notShipped');
    if (shipped || waiting) {
      shipmentCount++;
      continue;
    }
    const row = labels.map((l) => l.itemRow.exec(line)).find(Boolean);
    if (row) {
      itemRows++;
      const quantity = Number(row[1]);
      // The title is the row's `<i>` when there is one, else the rest of the line up to "Sold by".
      const cell = all[i]!.el.closest('td') ?? all[i]!.el;
      const italic = cell.querySelector('i');
      const rest = line.slice(row[0].length);
      const title = (italic ? text(italic) : rest.split(/\s(?:sold by|verkauf durch|vendu par|venduto da|vendido por)\b/i)[0]!).trim();
      const cellText = text(cell);
      const sellerMatch = labels.map((l) => l.seller.exec(cellText)).find(Boolean);
      // The price is in the row's last cell (the row of the item's cell).
      const tr = cell.closest('tr');
      const priceCell = tr ? [...tr.children].filter((c) => c !== cell).pop() : null;
      const price = money(priceCell ? text(priceCell) : '') ?? null;
      if (!title) continue;
      const item: OrderItem = {
        title,
        quantity: Number.isFinite(quantity) && quantity > 0 ? quantity : 1,
        seller: sellerMatch?.[1]?.trim() || null,
        url: null,
        price,
      };
      items.push(item);
    }
  }

  const orderId = [labelledId, titleId, q.get('orderID'), q.get('orderId')].find(isOrderId) ?? null;
  if (!orderId) return { order: null, itemRows, itemsRead: items.length, shipments: shipmentCount };
  const kind: OrderKind = digital || orderId.startsWith('D') ? 'digital' : 'physical';
  const order: OrderReading = {
    orderId,
    placedAt,
    total: grand ?? total,
    status: cancelled ? 'cancelled' : 'unknown',
    kind,
    orderUrl: `https://www.${ctx.host}/gp/your-account/order-details?orderID=${orderId}`,
    items,
    // The summary names shipments only by the day they left: no shipment id, number or state to tell one from
    // another or from the parcels the order pages know. What it adds is the order's items, prices and totals;
    // its shipment headings are counted, not handed on as parcels.
    shipments: [],
  };
  return { order, itemRows, itemsRead: items.length, shipments: shipmentCount };
}
