/**
 * What a package card says (issue #19 §6): one pure function from the package's status, ETA, pickup,
 * delivery time, current situations and `now`, so the card, its badge and its attention line can never
 * say two things at once. Out for delivery is "Arriving today" whatever an older ETA said; a delivered
 * parcel says when and where it was left and nothing about arriving; a late one says how late and the
 * new date. Table-tested over every status × ETA case (tests/unit/view/headline.test.ts).
 */
import { cachedEtaEnd } from '../engine/zone-cache';
import type { Status } from '../model/status';
import { addDays, zonedDate } from '../model/time';
import type { Alert, AlertSeverity, Eta, Package } from '../model/types';
import { formatEnUs } from './date-format';

export type Tone = 'good' | 'neutral' | 'warning' | 'problem';

export interface Headline {
  /** The badge: "Out for delivery", "Delivered", "Delayed", "Ready for pickup". */
  label: string;
  tone: Tone;
  /** The main line: "Arriving today by 8 PM", "Delivered today at 2:14 PM", "2 days late · now expected Thu, Dec 4". */
  line: string;
  /** A second line, when there is more to say: where it was left, the pickup code, the old date. */
  detail: string | null;
}

export interface AttentionLine {
  /** The situation shown (dismissing it hides the line until a new situation starts). */
  key: string;
  kind: Alert['kind'];
  severity: AlertSeverity;
  text: string;
  /** Other current situations folded into this line. */
  folded: number;
}

export interface CardText {
  headline: Headline;
  attention: AttentionLine | null;
}

type Situation = Pick<Alert, 'key' | 'kind' | 'severity' | 'title' | 'message' | 'dismissed'> & { endedAt?: number | null };

const DAY = 86_400_000;

const NEAR_DAY: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' };
const FAR_DAY: Intl.DateTimeFormatOptions = { ...NEAR_DAY, year: 'numeric' };

function dayName(date: string, today: string): string {
  if (date === today) return 'today';
  if (date === addDays(today, 1)) return 'tomorrow';
  if (date === addDays(today, -1)) return 'yesterday';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // A date more than about five months away says its year ("Fri, Nov 1, 2024"): order history goes back years.
  const far = Math.abs(Date.UTC(y, m - 1, d) - Date.parse(`${today}T00:00:00Z`)) > 150 * DAY;
  return formatEnUs(Date.UTC(y, m - 1, d), far ? FAR_DAY : NEAR_DAY);
}

function clock(epoch: number, timeZone: string): string {
  return formatEnUs(epoch, { hour: 'numeric', minute: '2-digit', timeZone });
}

/** The calendar day of an ETA bound or a delivery time, in the shopper's calendar. */
function dayOf(iso: string, timeZone: string): string {
  if (iso.length <= 10) return iso;
  const t = Date.parse(iso);
  return Number.isFinite(t) && /(Z|[+-]\d\d:?\d\d)$/i.test(iso) ? zonedDate(t, timeZone) : iso.slice(0, 10);
}

function hasTime(iso: string): boolean {
  return iso.length > 10 && /(Z|[+-]\d\d:?\d\d)$/i.test(iso);
}

/** "tomorrow", "Thu, Dec 4", "Thu, Dec 4 – Sat, Dec 6". */
export function etaDays(eta: Eta, today: string, timeZone: string): string {
  const from = dayOf(eta.from, timeZone);
  const to = dayOf(eta.to, timeZone);
  return from === to ? dayName(to, today) : `${dayName(from, today)} – ${dayName(to, today)}`;
}

/** " by 8:00 PM", " between 2:00 PM and 6:00 PM", or "" when the ETA has no hours. */
function etaHours(eta: Eta, timeZone: string): string {
  if (!hasTime(eta.to)) return '';
  const to = clock(Date.parse(eta.to), timeZone);
  if (hasTime(eta.from) && eta.from !== eta.to && dayOf(eta.from, timeZone) === dayOf(eta.to, timeZone)) {
    return ` between ${clock(Date.parse(eta.from), timeZone)} and ${to}`;
  }
  return ` by ${to}`;
}

function capital(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

interface EtaFacts {
  eta: Eta | null;
  /** The first ETA promised, when it ended earlier than today's (the ETA slipped). */
  firstEta: Eta | null;
  /** Whole days since the original promise ended, when it has ended. */
  daysLate: number | null;
  /** The current ETA has passed too. */
  currentPassed: boolean;
}

function etaFacts(pkg: Package, now: number, timeZone: string): EtaFacts {
  const eta = pkg.eta;
  const first = pkg.etaHistory[0]?.eta ?? eta;
  const firstEnd = cachedEtaEnd(first, timeZone);
  const end = cachedEtaEnd(eta, timeZone);
  const slipped = first && eta && firstEnd !== null && end !== null && end > firstEnd ? first : null;
  const daysLate = firstEnd !== null && now > firstEnd ? Math.max(1, Math.ceil((now - firstEnd) / DAY)) : null;
  return { eta, firstEta: slipped, daysLate, currentPassed: end !== null && now > end };
}

function lateLine(f: EtaFacts, today: string, timeZone: string): string | null {
  if (f.daysLate === null) return null;
  const late = `${f.daysLate} day${f.daysLate === 1 ? '' : 's'} late`;
  if (f.eta && !f.currentPassed) return `${late} · now expected ${etaDays(f.eta, today, timeZone)}`;
  const was = f.firstEta ?? f.eta;
  return was ? `${late} · was expected ${etaDays(was, today, timeZone)}` : late;
}

/** "Arriving tomorrow", or the late line, or the slipped line; null without an ETA. */
function arrivalLine(f: EtaFacts, today: string, timeZone: string): { line: string; late: boolean; slipped: boolean } | null {
  const late = lateLine(f, today, timeZone);
  if (late) return { line: late, late: true, slipped: f.firstEta !== null };
  if (!f.eta) return null;
  const line = `Arriving ${etaDays(f.eta, today, timeZone)}${etaHours(f.eta, timeZone)}`;
  if (f.firstEta) return { line: `${line} · was due ${etaDays(f.firstEta, today, timeZone)}`, late: false, slipped: true };
  return { line, late: false, slipped: false };
}

const ATTENTION: ReadonlySet<AlertSeverity> = new Set(['warning', 'critical']);
const SEVERITY_ORDER: Readonly<Record<AlertSeverity, number>> = { critical: 3, warning: 2, info: 1, good: 0 };

/** The one attention line: the most severe current situation the shopper has not dismissed. */
export function attentionLine(situations: readonly Situation[]): AttentionLine | null {
  const live = situations.filter((s) => !s.endedAt && ATTENTION.has(s.severity));
  const open = live.filter((s) => !s.dismissed).sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || (a.key < b.key ? -1 : 1));
  const top = open[0];
  if (!top) return null;
  return { key: top.key, kind: top.kind, severity: top.severity, text: top.message || top.title, folded: open.length - 1 };
}

/** The newest scan, where it happened: "Departed facility · Columbus, OH, US". */
function lastScan(pkg: Package): string | null {
  const e = pkg.timeline.last;
  return e ? [e.description.trim(), e.location].filter(Boolean).join(' · ') || null : null;
}

/** Where and how a delivered parcel was left: the delivery scan's words and place. */
function leftAt(pkg: Package): string | null {
  const e = pkg.timeline.statusEvent;
  const words = e?.description && !/^delivered\.?$/i.test(e.description.trim()) ? e.description.trim() : null;
  return [words, e?.location ?? null].filter(Boolean).join(' · ') || null;
}

export function cardText(input: { pkg: Package; situations: readonly Situation[]; now: number; timeZone: string }): CardText {
  const { pkg, now, timeZone } = input;
  const today = zonedDate(now, timeZone);
  const f = etaFacts(pkg, now, timeZone);
  const current = input.situations.filter((s) => !s.endedAt);
  const has = (kind: Alert['kind']) => current.some((s) => s.kind === kind);
  const attention = attentionLine(current);
  const status: Status = pkg.status;
  const text = pkg.statusText?.trim() || null;
  let h: Headline;

  switch (status) {
    case 'pending': {
      const a = arrivalLine(f, today, timeZone);
      // A number the shopper added (typed, selected, found in an e-mail) is no order: nothing says it was
      // ordered or not shipped, only that the carrier has not answered yet (issue #11).
      const added = !pkg.shop && !pkg.orderId && !pkg.timeline.last;
      h = added && !a
        ? { label: 'Added', tone: 'neutral', line: 'No update from the carrier yet', detail: null }
        : a
        ? { label: a.late ? 'Late' : 'Ordered', tone: a.late ? 'warning' : 'neutral', line: a.line, detail: 'Not shipped yet' }
        : { label: 'Ordered', tone: 'neutral', line: 'Not shipped yet', detail: null };
      break;
    }
    case 'info_received': {
      const a = arrivalLine(f, today, timeZone);
      h = {
        label: a?.late ? 'Late' : 'Label created',
        tone: a?.late ? 'warning' : 'neutral',
        line: a?.line ?? 'The carrier has not picked it up yet',
        detail: a ? 'The carrier has not picked it up yet' : null,
      };
      break;
    }
    case 'in_transit': {
      const a = arrivalLine(f, today, timeZone);
      const dueToday = !a?.late && f.eta !== null && dayOf(f.eta.from, timeZone) <= today && today <= dayOf(f.eta.to, timeZone);
      h = {
        label: a?.late ? 'Late' : 'On the way',
        tone: a?.late || a?.slipped ? 'warning' : dueToday ? 'good' : 'neutral',
        line: a?.line ?? 'On the way',
        detail: lastScan(pkg) ?? text,
      };
      break;
    }
    case 'out_for_delivery': {
      // On the van means today, whatever day an older ETA named; its hours count only if they are today's.
      const hours = f.eta && dayOf(f.eta.to, timeZone) === today ? etaHours(f.eta, timeZone) : '';
      h = {
        label: 'Out for delivery',
        tone: 'good',
        line: `Arriving today${hours}`,
        detail: f.daysLate !== null ? `${f.daysLate} day${f.daysLate === 1 ? '' : 's'} late` : text,
      };
      break;
    }
    case 'available_for_pickup': {
      const p = pkg.pickup;
      const until = p?.until ? `until ${dayName(p.until, today)}` : null;
      h = {
        label: 'Ready for pickup',
        tone: 'good',
        line: p?.location ? `At ${p.location}` : 'Ready to collect',
        detail: [p?.code ? `Pickup code ${p.code}` : null, until ? capital(until) : null].filter(Boolean).join(' · ') || null,
      };
      break;
    }
    case 'attempt_failed': {
      const next = f.eta && !f.currentPassed ? `Next try ${etaDays(f.eta, today, timeZone)}` : null;
      h = { label: 'Attempt failed', tone: 'warning', line: text ?? 'The carrier could not deliver it', detail: next };
      break;
    }
    case 'delivered': {
      const when = deliveredWhen(pkg.deliveredAt, today, timeZone);
      if (has('suspected_lost')) {
        h = { label: 'Not received', tone: 'problem', line: 'You marked it not received', detail: `The carrier says it was delivered${when ? ` ${when}` : ''}` };
      } else {
        h = { label: 'Delivered', tone: 'good', line: `Delivered${when ? ` ${when}` : ''}`, detail: leftAt(pkg) };
      }
      break;
    }
    case 'exception': {
      if (has('delayed') && !has('exception')) {
        const a = arrivalLine(f, today, timeZone);
        h = { label: 'Delayed', tone: 'warning', line: a?.line ?? 'Delayed by the carrier', detail: text };
      } else {
        h = { label: 'Problem', tone: 'problem', line: text ?? 'The carrier reports a problem', detail: null };
      }
      break;
    }
    case 'returned':
      h = { label: 'Returned', tone: 'problem', line: text ?? 'Going back to the sender', detail: null };
      break;
    case 'cancelled':
      h = { label: 'Cancelled', tone: 'neutral', line: 'Nothing is on its way', detail: text && !/^cancel/i.test(text) ? text : null };
      break;
    case 'expired':
      h = { label: 'Tracking expired', tone: 'neutral', line: 'The carrier no longer answers for this number', detail: null };
      break;
  }
  return { headline: { ...h, detail: freshDetail(h, attention) }, attention };
}

const norm = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * A second line only when it says something the card does not already say: not the badge again
 * ("Out for delivery"), not the main line again ("Arriving tomorrow · Shipped" under "Arriving
 * tomorrow"), not the attention line's words.
 */
function freshDetail(h: Headline, attention: AttentionLine | null): string | null {
  if (!h.detail) return null;
  const d = norm(h.detail);
  if (!d || d === norm(h.label) || norm(h.line).includes(d) || d.startsWith(norm(h.line))) return null;
  // The shop's promise in other words ("Arriving December 2" under "Arriving today"): the line has it.
  if (/^(arriving|now expected|expected)\b/.test(d) && /^(arriving|\d+ days? late)/i.test(h.line)) return null;
  if (attention && norm(attention.text).includes(d)) return null;
  return h.detail;
}

function deliveredWhen(iso: string | null, today: string, timeZone: string): string | null {
  if (!iso) return null;
  const day = dayName(dayOf(iso, timeZone), today);
  return hasTime(iso) ? `${day} at ${clock(Date.parse(iso), timeZone)}` : day;
}
