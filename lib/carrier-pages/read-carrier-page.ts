/**
 * A carrier's own tracking page as a key-less source (issue #14): one reader for every carrier site,
 * driven by the site's hints (lib/carriers/<id>/page.ts), that gives the carrier clients'
 * `TrackResult`, so a page the shopper opened merges like any carrier answer, observed when it was
 * read. A page it cannot understand gives diagnostics (site, layout fingerprint, what was missing;
 * never the page's text) and no result: nothing is guessed.
 */
import type { ParsedEvent, TrackResult } from '../carriers/client';
import { classify, normaliseNumber } from '../carriers/registry';
import type { Status } from '../model/status';
import { readDateTime } from './dates';
import type { CarrierPageHints } from './hints';
import { readDom } from './read-dom';
import { readJsonTimeline } from './read-json';
import { carrierPageSiteFor } from './registry';
import { eventsOf, type Row, statusOf } from './timeline';

export interface CarrierPageDiagnostic {
  code: 'carrier-page-no-number' | 'carrier-page-no-timeline' | 'carrier-page-unknown-status';
  message: string;
  layout: string | null;
  expected: number | null;
  found: number | null;
}

export interface CarrierPageReading {
  kind: 'carrier-tracking';
  /** The carrier site (`ups`, `dhl-de`…) and the carrier of its parcels. */
  site: string;
  carrier: string;
  url: string;
  readAt: number;
  /** Null when the page gave no number, or neither events nor a status. */
  result: TrackResult | null;
  /** Rows that had a description but no date the reader could read (left out, never given a made-up time). */
  undatedRows: number;
  diagnostics: CarrierPageDiagnostic[];
}

const NUMBER_KEY = /track|number|nbr|^tuno$|awb|waybill|sendungsnummer|^id$|^value$/i;

/** The number the page is about: the page's own most-repeated number of this carrier, the URL's when it is among them. */
function numberOf(hints: CarrierPageHints, url: URL, text: string, strings: readonly { key: string; value: string }[]): string | null {
  const fromUrl = (() => {
    const wanted = new Set(hints.numberParams.map((p) => p.toLowerCase()));
    for (const [k, v] of url.searchParams) {
      if (!wanted.has(k.toLowerCase())) continue;
      const n = normaliseNumber(v.split(/[,\n]/)[0] ?? '');
      if (/^[A-Z0-9]{8,40}$/.test(n)) return n;
    }
    return null;
  })();
  const score = new Map<string, number>();
  const consider = (token: string, keyed: boolean) => {
    const c = classify(token, { carrierHints: [hints.carrier], allowUnverified: true })[0];
    if (!c) return;
    const base = score.get(c.trackingNumber) ?? (c.carrier === hints.carrier ? 5 : 0) + c.confidence;
    score.set(c.trackingNumber, base + 1 + (keyed ? 3 : 0));
  };
  for (const m of text.toUpperCase().matchAll(/(?<![A-Z0-9])[A-Z0-9]{10,35}(?![A-Z0-9])/g)) consider(m[0], false);
  for (const s of strings) {
    const n = normaliseNumber(s.value);
    if (/^[A-Z0-9]{10,35}$/.test(n)) consider(n, NUMBER_KEY.test(s.key));
  }
  if (fromUrl && score.has(fromUrl)) return fromUrl;
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0];
  return best?.[0] ?? fromUrl;
}

/** Newest event by its time text (same-day ties: the later one in page order of a newest-first page). */
function newest(events: readonly ParsedEvent[]): ParsedEvent | null {
  let best: ParsedEvent | null = null;
  for (const e of events) if (!best || e.time.slice(0, 19) > best.time.slice(0, 19)) best = e;
  return best;
}

/**
 * The carrier's words for the current status: the page's status line when it is short and says
 * only that; otherwise the newest event's description when it says the same status.
 */
function statusText(page: { status: Status; text: string } | null, events: readonly ParsedEvent[], last: ParsedEvent | null): string | null {
  if (!page) return last?.description.slice(0, 200) ?? null;
  if (page.text.length <= 80 && !readDateTime(page.text).day) return page.text;
  const same = newest(events.filter((e) => e.status === page.status));
  return (same?.description ?? page.text).slice(0, 200);
}

interface Candidate {
  rows: Row[];
  statuses: string[];
  layout: string;
}

/** Reads a carrier tracking page; null when `url` is on no carrier site we know. */
export function readCarrierPage(doc: Document, url: URL, readAt: number): CarrierPageReading | null {
  const hints = carrierPageSiteFor(url);
  if (!hints) return null;
  const dom = readDom(doc);
  const json = dom.islands.map(readJsonTimeline);
  const candidates: Candidate[] = [{ rows: dom.rows, statuses: dom.statuses, layout: dom.layout }, ...json];
  // What the page shows (its DOM) unless its own data holds a fuller timeline.
  // Dated rows none of which uses one of the carrier's status words are not its timeline (a
  // "last updated" line, a news list): read as nothing rather than as events.
  const read = candidates.map((c) => {
    const t = eventsOf(c.rows, hints, true);
    return { c, t: t.events.some((e) => e.status !== null) ? t : { events: [], undated: t.undated, unknown: t.events.length } };
  });
  const chosen = read.reduce((a, b) => (b.t.events.length > a.t.events.length ? b : a));
  const statusTexts = chosen.c.statuses.length ? chosen.c.statuses : candidates.flatMap((c) => c.statuses);
  let pageStatus: { status: Status; text: string } | null = null;
  for (const text of statusTexts) {
    const s = statusOf(text, hints);
    if (s) {
      pageStatus = { status: s, text };
      break;
    }
  }
  const events = chosen.t.events;
  const last = newest(events);
  const status = pageStatus?.status ?? last?.status ?? null;
  const number = numberOf(hints, url, dom.text, json.flatMap((j) => j.strings));
  // The fingerprint: where the timeline was, or every place the reader looked.
  const layout = events.length ? chosen.c.layout : candidates.map((c) => c.layout).join(' | ');
  const diagnostics: CarrierPageDiagnostic[] = [];
  if (!number) diagnostics.push({ code: 'carrier-page-no-number', message: `No ${hints.name} tracking number on the page or in its address.`, layout, expected: 1, found: 0 });
  const unknown = Math.max(0, ...read.map((r) => ('unknown' in r.t ? r.t.unknown : 0)));
  if (events.length === 0 && !pageStatus) {
    diagnostics.push(
      unknown > 0
        ? { code: 'carrier-page-unknown-status', message: `${unknown} dated rows, none in a ${hints.name} status word the reader knows.`, layout, expected: 1, found: 0 }
        : { code: 'carrier-page-no-timeline', message: `No dated tracking events and no status the ${hints.name} reader knows.`, layout, expected: 1, found: 0 },
    );
  }
  const understood = number !== null && (events.length > 0 || pageStatus !== null);
  return {
    kind: 'carrier-tracking',
    site: hints.site,
    carrier: hints.carrier,
    url: url.href,
    readAt,
    result: understood
      ? {
          trackingNumber: number,
          status,
          eta: null,
          events,
          statusText: statusText(pageStatus, events, last),
        }
      : null,
    undatedRows: chosen.t.undated,
    diagnostics,
  };
}
