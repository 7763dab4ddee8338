/**
 * The claim kit for one package (issue #12): a self-contained printable HTML page (inline style, no
 * script, no outside resource; the browser's "Save as PDF" prints it) with what a claim for a lost
 * or missing parcel asks for: the order, the number and carrier, the whole timeline, the ETA history,
 * the alerts and "not received" reports with their times, and the refund and claim windows with their
 * deadlines and where to file (lib/alerts/next-steps.ts, the same ones the popup shows). Every text is
 * escaped: what pages and carriers wrote is shown as text, never as markup. The kit's own words are in
 * the page's language (issue #13 §2); what shops and carriers wrote stays as they wrote it, and times
 * stay ISO 8601 with their offset (a claim form or an agent reads them the same in any language).
 */
import { CARRIER_CONTACTS } from '../alerts/carrier-contacts';
import { nextSteps } from '../alerts/next-steps';
import { placeEvents } from '../engine/derive';
import { NOT_RECEIVED_CODE } from '../engine/user-report';
import { carrierName } from '../view/carrier-name';
import { eventDescription } from '../view/event-description';
import { orderStatusText, shopName, sourceLabel } from '../view/source-label';
import type { MessageKey, Translate, UiText } from '../i18n/translate';
import type { ClaimWindow } from '../alerts/claim-windows';
import { toZonedIso } from '../model/time';
import type { Alert, Order, Package, PackageNumber, TrackingEvent } from '../model/types';
import { STATUS_MESSAGE } from '../view/popup-model';

export interface ClaimKitInput {
  pkg: Package;
  order: Order | null;
  events: readonly TrackingEvent[];
  alerts: readonly Alert[];
  now: number;
  timeZone: string;
  /** The page's words and language (issue #13 §2), for the kit's own text and the steps (lib/alerts/next-steps.ts). */
  ui: UiText;
}

const RELATION: Readonly<Record<PackageNumber['relation'], MessageKey>> = {
  primary: 'claimKitRelationPrimary',
  handoff: 'claimKitRelationHandoff',
  piece: 'claimKitRelationPiece',
  alternate: 'claimKitRelationAlternate',
  return: 'claimKitRelationReturn',
};

const FILED_BY: Readonly<Record<ClaimWindow['filedBy'], MessageKey>> = {
  buyer: 'claimKitByBuyer',
  sender_or_recipient: 'claimKitBySenderOrRecipient',
  sender: 'claimKitBySender',
};

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

function table(t: Translate, head: MessageKey[], rows: string[][]): string {
  if (!rows.length) return `<p class="none">${escapeHtml(t('claimKitNoneRecorded'))}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(t(h))}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const STYLE = `:root{color-scheme:light}body{font:13px/1.45 system-ui,sans-serif;color:#111;background:#fff;max-width:900px;margin:24px auto;padding:0 16px}h1{font-size:20px}h2{font-size:15px;margin-top:22px;border-bottom:1px solid #999}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}td a{overflow-wrap:anywhere}th,.word{overflow-wrap:normal}th{background:#eee}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{font-weight:600}.none,.meta{color:#555}.expired{color:#a00}@media print{a{color:#000}body{margin:0}}`;

export function claimKitHtml(input: ClaimKitInput): string {
  const { pkg, order, now, timeZone } = input;
  const { t } = input.ui;
  const z = timeZone;
  const carrier = pkg.carrier ? (CARRIER_CONTACTS[pkg.carrier]?.name ?? carrierName(pkg.carrier, t)) : t('claimKitUnknown');
  const title = t('claimKitTitle', pkg.label ?? pkg.trackingNumber ?? pkg.orderId ?? pkg.id);
  const placed = placeEvents(input.events, z);
  const steps = nextSteps({ alert: { kind: 'suspected_lost', key: `${pkg.id}|not-received` }, pkg, events: [...input.events], order, now, timeZone: z, t }).filter((s) => s.windows.length);
  const reports = placed.filter((p) => p.event.source === 'user' && p.event.code === NOT_RECEIVED_CODE);
  const said = (e: TrackingEvent) => eventDescription(e, t);
  const facts = (pairs: [MessageKey, string][]) => `<dl>${pairs.filter(([, v]) => v !== '').map(([k, v]) => `<dt>${escapeHtml(t(k))}</dt><dd>${v}</dd>`).join('')}</dl>`;
  const h2 = (k: MessageKey) => `<h2>${escapeHtml(t(k))}</h2>`;

  const parts = [
    `<!doctype html><html lang="${escapeHtml(input.ui.locale)}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(t('claimKitMade', when(now, z), z))}</p>`,
    h2('claimKitOrder'),
    order
      ? facts([
          ['claimKitShop', escapeHtml(shopName(order.shop))],
          ['claimKitOrder', link(order.orderUrl, order.orderId)],
          ['claimKitPlaced', escapeHtml(order.placedAt)],
          ['claimKitTotal', escapeHtml(order.total)],
          ['claimKitStatus', escapeHtml(orderStatusText(order.status, t))],
        ]) + table(t, ['claimKitItem', 'claimKitQuantity', 'claimKitSeller'], order.items.map((i) => [link(i.url, i.title), escapeHtml(i.quantity), escapeHtml(i.seller)]))
      : `<p class="none">${escapeHtml(pkg.orderId ? t('claimKitOrderNotRead', pkg.orderId, pkg.shop ?? '') : t('claimKitNoOrder'))}</p>`,
    h2('claimKitParcel'),
    facts([
      ['claimKitTrackingNumber', escapeHtml(pkg.trackingNumber ?? t('claimKitNone'))],
      ['claimKitCarrier', escapeHtml(carrier)],
      ['claimKitOtherNumbers', escapeHtml(pkg.numbers.filter((n) => n.number !== pkg.trackingNumber).map((n) => `${n.number} (${t(RELATION[n.relation])}${n.carrier ? `, ${carrierName(n.carrier, t)}` : ''})`).join('; '))],
      ['claimKitStatus', escapeHtml(`${t(STATUS_MESSAGE[pkg.status])}${pkg.statusText ? ` (${pkg.statusText})` : ''}`)],
      ['claimKitDeliveredAt', escapeHtml(pkg.deliveredAt)],
      ['claimKitTrackingPage', pkg.trackUrl ? link(pkg.trackUrl, pkg.trackUrl) : ''],
      ['claimKitYourLabel', escapeHtml(pkg.label)],
      ['claimKitFirstSeen', escapeHtml(when(pkg.firstSeenAt, z))],
    ]),
    h2('claimKitTimeline'),
    table(
      t,
      ['claimKitTime', 'claimKitStatus', 'claimKitWhatHappened', 'claimKitPlace', 'claimKitReportedBy'],
      placed.map(({ event: e, at }) => [
        escapeHtml(Number.isFinite(at) ? when(at, z) : e.time),
        // A status is our own short word: it breaks between words, never inside one ("Unterwe|gs").
        e.status ? `<span class="word">${escapeHtml(t(STATUS_MESSAGE[e.status]))}</span>` : '',
        escapeHtml(said(e)),
        escapeHtml(e.location),
        escapeHtml([...new Set((e.sources ?? [e.source]).map((s) => sourceLabel(s, t)))].join(', ')),
      ]),
    ),
    h2('claimKitEstimates'),
    table(
      t,
      ['claimKitSeen', 'claimKitExpected', 'claimKitSource'],
      pkg.etaHistory.map((r) => [escapeHtml(when(r.seenAt, z)), escapeHtml(r.eta.from === r.eta.to ? r.eta.from : t('claimKitDateRange', r.eta.from, r.eta.to)), escapeHtml(sourceLabel(r.source, t))]),
    ),
    h2('claimKitReports'),
    table(t, ['claimKitReported', 'claimKitReport'], reports.map(({ event: e, at }) => [escapeHtml(when(at, z)), escapeHtml(said(e))])),
    h2('claimKitAlerts'),
    table(
      t,
      ['claimKitRaised', 'claimKitAlert', 'claimKitDetails', 'claimKitEnded'],
      [...input.alerts].sort((a, b) => a.createdAt - b.createdAt).map((a) => [escapeHtml(when(a.createdAt, z)), escapeHtml(a.title), escapeHtml(a.message), escapeHtml(when(a.endedAt ?? null, z))]),
    ),
    h2('claimKitWindows'),
    steps.length
      ? steps
          .map(
            (s) =>
              `<h3>${link(s.url, s.title)}</h3>${s.detail ? `<p>${escapeHtml(s.detail)}</p>` : ''}${table(
                t,
                ['claimKitWindow', 'claimKitAppliesTo', 'claimKitOpens', 'claimKitLastDay', 'claimKitFiledBy', 'claimKitSource'],
                s.windows.map((w) => [
                  escapeHtml(w.window.title) + (w.window.note ? `<br><span class="meta">${escapeHtml(w.window.note)}</span>` : ''),
                  escapeHtml(w.window.appliesTo),
                  escapeHtml(w.opensOn ?? t('claimKitUnknown')),
                  w.expired ? `<span class="expired">${escapeHtml(t('claimKitPassed', w.closesOn ?? ''))}</span>` : escapeHtml(w.closesOn ?? t('claimKitUnknown')),
                  escapeHtml(t(FILED_BY[w.window.filedBy])),
                  link(w.window.source, t(w.window.verified ? 'claimKitPolicyPage' : 'claimKitCheckPolicy')),
                ]),
              )}`,
          )
          .join('')
      : `<p class="none">${escapeHtml(t('claimKitNoWindow'))}</p>`,
    '</body></html>\n',
  ];
  return parts.join('');
}
