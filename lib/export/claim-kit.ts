/**
 * The claim kit for one package (issue #12): a self-contained printable HTML page (inline style, no
 * script, no outside resource; the browser's "Save as PDF" prints it) with what a claim for a lost
 * or missing parcel asks for: the order, the number and carrier, the whole timeline, the ETA history,
 * the alerts and "not received" reports with their times, and the refund and claim windows with their
 * deadlines and where to file (lib/alerts/next-steps.ts, the same ones the popup shows). Every text is
 * escaped: what pages and carriers wrote is shown as text, never as markup.
 */
import { CARRIER_CONTACTS } from '../alerts/carrier-contacts';
import { nextSteps } from '../alerts/next-steps';
import { placeEvents } from '../engine/derive';
import { NOT_RECEIVED_CODE } from '../engine/user-report';
import type { Translate } from '../i18n/translate';
import { STATUS_LABEL } from '../model/status';
import { toZonedIso } from '../model/time';
import type { Alert, Order, Package, TrackingEvent } from '../model/types';

export interface ClaimKitInput {
  pkg: Package;
  order: Order | null;
  events: readonly TrackingEvent[];
  alerts: readonly Alert[];
  now: number;
  timeZone: string;
  /** The steps' words (lib/alerts/next-steps.ts, issue #13 §2); the kit's own text is English until it is translated. */
  t: Translate;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string | number | null | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** A link only for http(s) addresses; anything else is shown as text. */
function link(url: string | null | undefined, text: string): string {
  if (!url || !/^https?:\/\//i.test(url)) return escapeHtml(text);
  return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}

const when = (ms: number | null | undefined, zone: string) => (ms === null || ms === undefined || !Number.isFinite(ms) ? '' : toZonedIso(ms, zone).replace('T', ' '));

function table(head: string[], rows: string[][]): string {
  if (!rows.length) return '<p class="none">None recorded.</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const STYLE = `body{font:13px/1.45 system-ui,sans-serif;color:#111;max-width:900px;margin:24px auto;padding:0 16px}h1{font-size:20px}h2{font-size:15px;margin-top:22px;border-bottom:1px solid #999}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#eee}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{font-weight:600}.none,.meta{color:#555}.expired{color:#a00}@media print{a{color:#000}body{margin:0}}`;

export function claimKitHtml(input: ClaimKitInput): string {
  const { pkg, order, now, timeZone } = input;
  const z = timeZone;
  const carrier = pkg.carrier ? (CARRIER_CONTACTS[pkg.carrier]?.name ?? pkg.carrier) : 'unknown';
  const title = `Claim kit: ${pkg.label ?? pkg.trackingNumber ?? pkg.orderId ?? pkg.id}`;
  const placed = placeEvents(input.events, z);
  const steps = nextSteps({ alert: { kind: 'suspected_lost', key: `${pkg.id}|not-received` }, pkg, events: [...input.events], order, now, timeZone: z, t: input.t }).filter((s) => s.windows.length);
  const reports = placed.filter((p) => p.event.source === 'user' && p.event.code === NOT_RECEIVED_CODE);
  const facts = (pairs: [string, string][]) => `<dl>${pairs.filter(([, v]) => v !== '').map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;

  const parts = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">Made by Porchlight on ${escapeHtml(when(now, z))} (${escapeHtml(z)}). Times are shown in that zone with their UTC offset. Print it or use your browser's "Save as PDF".</p>`,
    '<h2>Order</h2>',
    order
      ? facts([
          ['Shop', escapeHtml(order.shop)],
          ['Order', link(order.orderUrl, order.orderId)],
          ['Placed', escapeHtml(order.placedAt)],
          ['Total', escapeHtml(order.total)],
          ['Status', escapeHtml(order.status)],
        ]) + table(['Item', 'Quantity', 'Seller'], order.items.map((i) => [link(i.url, i.title), escapeHtml(i.quantity), escapeHtml(i.seller)]))
      : `<p class="none">${pkg.orderId ? `Order ${escapeHtml(pkg.orderId)} at ${escapeHtml(pkg.shop)} (not read in detail).` : 'No order is known for this parcel.'}</p>`,
    '<h2>Parcel</h2>',
    facts([
      ['Tracking number', escapeHtml(pkg.trackingNumber ?? 'none')],
      ['Carrier', escapeHtml(carrier)],
      ['Other numbers', escapeHtml(pkg.numbers.filter((n) => n.number !== pkg.trackingNumber).map((n) => `${n.number} (${n.relation}${n.carrier ? `, ${n.carrier}` : ''})`).join('; '))],
      ['Status', escapeHtml(`${STATUS_LABEL[pkg.status]}${pkg.statusText ? ` (${pkg.statusText})` : ''}`)],
      ['Delivered at', escapeHtml(pkg.deliveredAt)],
      ['Tracking page', pkg.trackUrl ? link(pkg.trackUrl, pkg.trackUrl) : ''],
      ['Your label', escapeHtml(pkg.label)],
      ['First seen by Porchlight', escapeHtml(when(pkg.firstSeenAt, z))],
    ]),
    '<h2>Timeline</h2>',
    table(
      ['Time', 'Status', 'What happened', 'Place', 'Reported by'],
      placed.map(({ event: e, at }) => [
        escapeHtml(Number.isFinite(at) ? when(at, z) : e.time),
        escapeHtml(e.status ? STATUS_LABEL[e.status] : ''),
        escapeHtml(e.description),
        escapeHtml(e.location),
        escapeHtml(e.source === 'user' ? 'you' : (e.sources ?? [e.source]).join(', ')),
      ]),
    ),
    '<h2>Delivery estimates over time</h2>',
    table(['Seen', 'Expected', 'Source'], pkg.etaHistory.map((r) => [escapeHtml(when(r.seenAt, z)), escapeHtml(r.eta.from === r.eta.to ? r.eta.from : `${r.eta.from} to ${r.eta.to}`), escapeHtml(r.source)])),
    '<h2>"Not received" reports</h2>',
    table(['Reported', 'Report'], reports.map(({ event: e, at }) => [escapeHtml(when(at, z)), escapeHtml(e.description)])),
    '<h2>Alerts</h2>',
    table(
      ['Raised', 'Alert', 'Details', 'Ended'],
      [...input.alerts].sort((a, b) => a.createdAt - b.createdAt).map((a) => [escapeHtml(when(a.createdAt, z)), escapeHtml(a.title), escapeHtml(a.message), escapeHtml(when(a.endedAt ?? null, z))]),
    ),
    '<h2>Refund and claim windows</h2>',
    steps.length
      ? steps
          .map(
            (s) =>
              `<h3>${link(s.url, s.title)}</h3>${s.detail ? `<p>${escapeHtml(s.detail)}</p>` : ''}${table(
                ['Window', 'Applies to', 'Opens', 'Last day', 'Filed by', 'Source'],
                s.windows.map((w) => [
                  escapeHtml(w.window.title) + (w.window.note ? `<br><span class="meta">${escapeHtml(w.window.note)}</span>` : ''),
                  escapeHtml(w.window.appliesTo),
                  escapeHtml(w.opensOn ?? 'unknown'),
                  w.expired ? `<span class="expired">${escapeHtml(w.closesOn)} (passed)</span>` : escapeHtml(w.closesOn ?? 'unknown'),
                  escapeHtml(w.window.filedBy.replace(/_/g, ' ')),
                  link(w.window.source, w.window.verified ? 'policy page' : 'check with the policy page'),
                ]),
              )}`,
          )
          .join('')
      : '<p class="none">No refund or claim window is known for this shop and carrier.</p>',
    '</body></html>\n',
  ];
  return parts.join('');
}
