/**
 * The Amazon page reader: recognises the page kind, reads every order on it, and says loudly what it did
 * not understand (issue #4 §7, "self-diagnosis"). Pure: the document, URL and capture time are parameters.
 */
import type { Diagnostic, ExtractOptions, OrderReading, PageKind, PageReading } from '../types';
import { detectBlockedPage } from './blocked';
import { detectEncryptedCards, isEncryptedCard, slotOrderId } from './csd';
import { outermost, text } from './dom';
import { type AmazonLanguage, isSupportedLanguage, type Marketplace, marketplaceFor } from './marketplace';
import { type ReadContext, readOrderCard, readOrderDetails } from './orders';
import { looksLikeSummary, readSummaryPage } from './summary';
import { looksLikeTrackPage, readTrackPage } from './track';
import { isTimeZone } from '../../model/time';
import { pageKindFromUrl } from './urls';

/** The options every shop reader takes (the shopper's zone, see ShopReader.extract). */
type ReadOptions = ExtractOptions;

/** Stable diagnostic codes (issue #4 §7). None carries personal data. */
export const DIAGNOSTIC_CODES = {
  signIn: 'sign-in',
  robotCheck: 'robot-check',
  unknownLayout: 'unknown-layout',
  fewerOrders: 'fewer-orders',
  noOrders: 'no-orders',
  truncated: 'truncated',
  unsupportedLanguage: 'unsupported-language',
  encryptedCards: 'encrypted-cards',
  unreadableCard: 'unreadable-card',
  unknownStatus: 'unknown-status',
  notAmazon: 'not-amazon',
  readerError: 'reader-error',
  unreadTimeline: 'unread-timeline',
  incompleteSummary: 'incomplete-summary',
} as const;

const DEFAULT_PAGE_SIZE = 10;

/** Which known anchors a page carries: a short, personal-data-free fingerprint of its layout. */
function layoutFingerprint(doc: Document): string {
  const anchors: [string, string][] = [
    ['card', '.js-order-card'],
    ['hdr23', '.order-info'],
    ['hdr24', '.order-header'],
    ['box24', '.delivery-box'],
    ['box23', '.a-box.shipment'],
    ['yo', 'span.js-shipment-info[data-yoshortstatuscode]'],
    ['csd', '.csd-encrypted-sensitive'],
    ['slot', '[data-csa-c-slot-id^="amzn1.yourorders.order-card."]'],
    ['od', '#orderDetails'],
    ['odc', '[data-component=shipmentStatus]'],
    ['odship', '.od-shipments'],
    ['count', 'span.num-orders'],
    ['tf', '#time-filter'],
    ['pg', 'ul.a-pagination'],
    ['pt-state', 'script[type="a-state"][data-a-state*="page-state"]'],
    ['pt', '.pt-delivery-card-trackingId, .pt-status-main-status, .pt-promise-main-slot'],
    ['pt-old', '#carrierRelatedInfo-container, .milestone-primaryMessage, #primaryStatus'],
    ['pt-ev', '#tracking-events-container, .tracking-events-container, .pt-events'],
    ['pt-ev-row', '.tracking-event-message, .pt-event-message'],
    ['foot', '#navFooter'],
    ['h1', 'b.h1, h1'],
    ['tbl', 'table table'],
  ];
  return anchors
    .filter(([, sel]) => doc.querySelector(sel))
    .map(([n]) => n)
    .join('+');
}

function detectLanguage(doc: Document, m: Marketplace): string {
  const lang = doc.documentElement?.getAttribute('lang')?.trim().toLowerCase();
  return lang ? lang.slice(0, 2) : m.language;
}

function validZone(tz: string | undefined): string | null {
  return tz && isTimeZone(tz) ? tz : null;
}

/** "10 orders placed in" → 10 (digits only; the wording differs per language). */
function declaredCount(doc: Document): number | null {
  const el = doc.querySelector('span.num-orders, .num-orders');
  if (!el) return null;
  const m = /(\d[\d.,\s]*)/.exec(text(el));
  return m ? Number(m[1]!.replace(/[^\d]/g, '')) : null;
}

/** Start index and page size from the pagination (selected page, and page 2's `startIndex`), else the URL. */
function pageWindow(doc: Document, url: URL): { start: number; size: number } {
  const idx = (a: Element | null) => {
    const href = a?.getAttribute('href');
    if (!href) return null;
    try {
      const v = new URL(href, url).searchParams.get('startIndex');
      return v !== null && /^\d+$/.test(v) ? Number(v) : null;
    } catch {
      return null;
    }
  };
  const selected = idx(doc.querySelector('ul.a-pagination li.a-selected a'));
  const urlStart = url.searchParams.get('startIndex');
  const start = selected ?? (urlStart && /^\d+$/.test(urlStart) ? Number(urlStart) : 0);
  // Page size = the smallest gap between the numbered pages' start indexes (10 on amazon.com).
  const starts = [...new Set([...doc.querySelectorAll('ul.a-pagination li a')].map(idx).filter((v): v is number => v !== null))].sort(
    (a, b) => a - b,
  );
  let size = DEFAULT_PAGE_SIZE;
  for (let i = 1; i < starts.length; i++) {
    const gap = starts[i]! - starts[i - 1]!;
    if (gap > 0 && (i === 1 || gap < size)) size = gap;
  }
  return { start, size };
}

function looksTruncated(doc: Document): boolean {
  // A full captured page (it declares its language) always ends with Amazon's footer; a cut-off one does not.
  return !!doc.documentElement?.getAttribute('lang') && !doc.querySelector('#navFooter');
}

/**
 * Reads an Amazon page. `extract` of {@link amazonReader} is this with default options. Never throws: a reader
 * bug on a strange page becomes a `reader-error` diagnostic with no orders (nothing partial is stored).
 */
export function readAmazonPage(doc: Document, url: URL, now: Date, options: ReadOptions = {}): PageReading {
  try {
    return readPage(doc, url, now, options);
  } catch (err) {
    return {
      kind: pageKindFromUrl(url),
      shop: 'amazon',
      url: url.href,
      readAt: now.getTime(),
      orders: [],
      diagnostics: [
        {
          code: DIAGNOSTIC_CODES.readerError,
          // The error's class only: its message could quote page text.
          message: `The reader failed on this page (${err instanceof Error ? err.name : 'error'})`,
          pageKind: pageKindFromUrl(url),
        },
      ],
    };
  }
}

function readPage(doc: Document, url: URL, now: Date, options: ReadOptions): PageReading {
  const diagnostics: Diagnostic[] = [];
  const urlKind = pageKindFromUrl(url);
  const reading = (kind: PageKind, orders: OrderReading[]): PageReading => ({
    kind,
    shop: 'amazon',
    url: url.href,
    readAt: now.getTime(),
    orders,
    diagnostics,
  });
  const m = marketplaceFor(url);
  if (!m) {
    diagnostics.push({ code: DIAGNOSTIC_CODES.notAmazon, message: 'Not an Amazon marketplace host', pageKind: 'unknown' });
    return reading('unknown', []);
  }
  // The fingerprint costs a dozen document scans: computed only when a diagnostic needs it.
  let fingerprint: string | null = null;
  const fp = () => (fingerprint ??= layoutFingerprint(doc));
  const blocked = detectBlockedPage(doc, url);
  if (blocked) {
    diagnostics.push({
      code: blocked === 'sign-in' ? DIAGNOSTIC_CODES.signIn : DIAGNOSTIC_CODES.robotCheck,
      message: blocked === 'sign-in' ? 'Amazon asks the shopper to sign in' : 'Amazon shows a robot check (captcha)',
      pageKind: urlKind,
      layout: fp(),
    });
    return reading(urlKind, []);
  }

  const lang = detectLanguage(doc, m);
  const language: AmazonLanguage = isSupportedLanguage(lang) ? lang : isSupportedLanguage(m.language) ? m.language : 'en';
  const ctx: ReadContext = {
    now,
    timeZone: validZone(options.timeZone) ?? m.timeZone,
    language,
    monthFirst: m.monthFirst,
    base: url,
    host: m.host,
  };

  // Page kind from the DOM first: a "details" URL can serve a one-card order list (digital orders).
  const cards = outermost(doc, '.js-order-card');
  let kind: PageKind;
  if (cards.length > 0 || doc.querySelector('span.num-orders, #time-filter')) kind = 'order-history';
  else if (doc.querySelector('#orderDetails, [data-component=orderCard], .od-shipments, [data-component=shipmentStatus]'))
    kind = 'order-details';
  else if (looksLikeTrackPage(doc)) kind = 'track-package';
  else if (urlKind === 'order-summary' || looksLikeSummary(doc, ctx)) kind = 'order-summary';
  else kind = urlKind;

  if (!isSupportedLanguage(lang)) {
    diagnostics.push({
      code: DIAGNOSTIC_CODES.unsupportedLanguage,
      message: `Page language "${lang}" has no status vocabulary; statuses left unread`,
      pageKind: kind,
      layout: fp(),
    });
  }

  const orders: OrderReading[] = [];
  const truncated = looksTruncated(doc);
  if (kind === 'order-history') {
    const csd = detectEncryptedCards(doc);
    let unreadable = 0;
    for (const card of cards) {
      if (isEncryptedCard(card)) {
        const id = slotOrderId(card);
        if (id) orders.push({ orderId: id, placedAt: null, total: null, status: 'unknown', kind: 'unknown', orderUrl: null, items: [], shipments: [] });
        continue;
      }
      const o = readOrderCard(card, ctx);
      if (o) orders.push(o);
      else unreadable++;
    }
    if (csd.pending) {
      diagnostics.push({
        code: DIAGNOSTIC_CODES.encryptedCards,
        message: 'Order cards are still encrypted (client-side decryption); only their order ids were read',
        pageKind: kind,
        layout: fp(),
        expected: cards.length,
        found: cards.length - csd.encrypted,
      });
    }
    if (unreadable) {
      diagnostics.push({
        code: DIAGNOSTIC_CODES.unreadableCard,
        message: 'Order cards without a readable order id',
        pageKind: kind,
        layout: fp(),
        expected: cards.length,
        found: cards.length - unreadable,
      });
    }
    const declared = declaredCount(doc);
    if (declared !== null) {
      const { start, size } = pageWindow(doc, url);
      const expected = Math.max(0, Math.min(size, declared - start));
      if (orders.length < expected) {
        diagnostics.push({
          code: DIAGNOSTIC_CODES.fewerOrders,
          message: 'The page says it lists more orders than were read',
          pageKind: kind,
          layout: fp(),
          expected,
          found: orders.length,
        });
      }
    }
    if (orders.length === 0 && cards.length === 0) {
      diagnostics.push({
        code: declared === 0 ? DIAGNOSTIC_CODES.noOrders : DIAGNOSTIC_CODES.unknownLayout,
        message: declared === 0 ? 'The page lists no orders' : 'An order list without any order card this reader knows',
        pageKind: kind,
        layout: fp(),
        expected: declared ?? undefined,
        found: 0,
      });
    }
  } else if (kind === 'order-details') {
    const root = doc.querySelector('#orderDetails') ?? doc.body ?? doc.documentElement;
    // Only a page with the details anchors is read: a details URL with an unknown layout gives no order.
    const anchored = !!doc.querySelector('#orderDetails, [data-component=orderCard], .od-shipments, [data-component=shipmentStatus]');
    const o = root && anchored ? readOrderDetails(root, ctx) : null;
    if (o) orders.push(o);
    else
      diagnostics.push({ code: DIAGNOSTIC_CODES.unknownLayout, message: 'Order details without a readable order id', pageKind: kind, layout: fp(), found: 0 });
  } else if (kind === 'order-summary') {
    const { order: o, itemRows, itemsRead, shipments } = readSummaryPage(doc, ctx);
    if (o) orders.push(o);
    else diagnostics.push({ code: DIAGNOSTIC_CODES.unknownLayout, message: 'Order summary without a readable order id', pageKind: kind, layout: fp(), found: 0 });
    // Issue #18: a summary whose items, date or total could not be read says which, never silently less.
    const missing = o ? [o.items.length === 0 && 'items', !o.placedAt && 'placed date', !o.total && 'total'].filter(Boolean) : [];
    if (o && (missing.length > 0 || itemsRead < itemRows)) {
      diagnostics.push({
        code: DIAGNOSTIC_CODES.incompleteSummary,
        message: `Order summary read without its ${missing.join(', ') || 'every item row'} (${shipments} shipment headings seen)`,
        pageKind: kind,
        layout: fp(),
        expected: Math.max(itemRows, 1),
        found: itemsRead,
      });
    }
  } else if (kind === 'track-package') {
    const { order: o, timeline } = looksLikeTrackPage(doc) ? readTrackPage(doc, ctx) : { order: null, timeline: null };
    if (o) orders.push(o);
    // Issue #18: a timeline the page shows but the reader cannot read whole (renamed classes, a heading
    // without any row under it, a row without a readable day) is said, never silently dropped.
    if (o && timeline?.shown && (timeline.events.length === 0 || timeline.events.length < timeline.rows || timeline.days === 0)) {
      diagnostics.push({
        code: DIAGNOSTIC_CODES.unreadTimeline,
        message: 'The tracking timeline is shown but its events could not all be read',
        pageKind: kind,
        layout: fp(),
        expected: Math.max(timeline.rows, timeline.days),
        found: timeline.events.length,
      });
    }
    if (!o)
      diagnostics.push({ code: DIAGNOSTIC_CODES.unknownLayout, message: 'Track-package page without the tracker anchors this reader knows', pageKind: kind, layout: fp(), found: 0 });
  }

  let unknownStatus = 0;
  let withText = 0;
  for (const o of orders)
    for (const s of o.shipments)
      if (s.statusText) {
        withText++;
        if (s.status === null) unknownStatus++;
      }
  if (unknownStatus && isSupportedLanguage(lang)) {
    diagnostics.push({
      code: DIAGNOSTIC_CODES.unknownStatus,
      message: 'Shipment status lines this reader does not understand',
      pageKind: kind,
      layout: fp(),
      expected: withText,
      found: withText - unknownStatus,
    });
  }

  // A printable summary has no site footer at all (issue #18): never "cut off" for lacking one.
  if (truncated && kind !== 'unknown' && kind !== 'order-summary') {
    diagnostics.push({ code: DIAGNOSTIC_CODES.truncated, message: 'The page ends early (no footer): it may be cut off', pageKind: kind, layout: fp() });
    // No partial garbage: keep only orders that were read whole (every shipment has a status or none is expected).
    const whole = orders.filter((o) => o.kind !== 'physical' || (o.shipments.length > 0 && o.shipments.every((s) => s.status !== null)));
    return reading(kind, whole);
  }
  return reading(kind, orders);
}
