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
import { plural, type UiText } from '../i18n/translate';
import { formatDate } from './date-format';

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
  /** The line says it arrives today: the list's "Arriving today" group. */
  arrivingToday: boolean;
}

type Situation = Pick<Alert, 'key' | 'kind' | 'severity' | 'title' | 'message' | 'dismissed'> & { endedAt?: number | null };

const DAY = 86_400_000;

const NEAR_DAY: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' };
const FAR_DAY: Intl.DateTimeFormatOptions = { ...NEAR_DAY, year: 'numeric' };

function dayName(ui: UiText, date: string, today: string): string {
  if (date === today) return ui.t('cardToday');
  if (date === addDays(today, 1)) return ui.t('cardTomorrow');
  if (date === addDays(today, -1)) return ui.t('cardYesterday');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // A date more than about five months away says its year ("Fri, Nov 1, 2024"): order history goes back years.
  const far = Math.abs(Date.UTC(y, m - 1, d) - Date.parse(`${today}T00:00:00Z`)) > 150 * DAY;
  return formatDate(ui.locale, Date.UTC(y, m - 1, d), far ? FAR_DAY : NEAR_DAY);
}

function clock(ui: UiText, epoch: number, timeZone: string): string {
  return formatDate(ui.locale, epoch, { hour: 'numeric', minute: '2-digit', timeZone });
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
export function etaDays(ui: UiText, eta: Eta, today: string, timeZone: string): string {
  const from = dayOf(eta.from, timeZone);
  const to = dayOf(eta.to, timeZone);
  return from === to ? dayName(ui, to, today) : ui.t('cardDayRange', dayName(ui, from, today), dayName(ui, to, today));
}

/** "Arriving tomorrow", "Arriving today by 8:00 PM", "Arriving today between 2:00 PM and 6:00 PM" (hours only when the ETA has them). */
function arriving(ui: UiText, days: string, eta: Eta | null, timeZone: string): string {
  if (!eta || !hasTime(eta.to)) return ui.t('cardArriving', days);
  const to = clock(ui, Date.parse(eta.to), timeZone);
  if (hasTime(eta.from) && eta.from !== eta.to && dayOf(eta.from, timeZone) === dayOf(eta.to, timeZone)) {
    return ui.t('cardArrivingBetween', days, clock(ui, Date.parse(eta.from), timeZone), to);
  }
  return ui.t('cardArrivingBy', days, to);
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

function lateLine(ui: UiText, f: EtaFacts, today: string, timeZone: string): string | null {
  if (f.daysLate === null) return null;
  const late = plural(ui, 'cardDaysLate', f.daysLate);
  if (f.eta && !f.currentPassed) return ui.t('cardNowExpected', late, etaDays(ui, f.eta, today, timeZone));
  const was = f.firstEta ?? f.eta;
  return was ? ui.t('cardWasExpected', late, etaDays(ui, was, today, timeZone)) : late;
}

/** "Arriving tomorrow", or the late line, or the slipped line; null without an ETA. */
function arrivalLine(ui: UiText, f: EtaFacts, today: string, timeZone: string): { line: string; late: boolean; slipped: boolean } | null {
  const late = lateLine(ui, f, today, timeZone);
  if (late) return { line: late, late: true, slipped: f.firstEta !== null };
  if (!f.eta) return null;
  const line = arriving(ui, etaDays(ui, f.eta, today, timeZone), f.eta, timeZone);
  if (f.firstEta) return { line: ui.t('cardWasDue', line, etaDays(ui, f.firstEta, today, timeZone)), late: false, slipped: true };
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

export function cardText(input: { pkg: Package; situations: readonly Situation[]; now: number; timeZone: string; ui: UiText }): CardText {
  const { pkg, now, timeZone, ui } = input;
  const { t } = ui;
  const today = zonedDate(now, timeZone);
  const f = etaFacts(pkg, now, timeZone);
  const current = input.situations.filter((s) => !s.endedAt);
  const has = (kind: Alert['kind']) => current.some((s) => s.kind === kind);
  const attention = attentionLine(current);
  const status: Status = pkg.status;
  const text = pkg.statusText?.trim() || null;
  let h: Headline;
  // The main line says when it arrives (or how late it is): the shop's own promise is then no second line.
  let arrival = false;
  let arrivingToday = false;

  switch (status) {
    case 'pending': {
      const a = arrivalLine(ui, f, today, timeZone);
      arrival = a !== null;
      // A number the shopper added (typed, selected, found in an e-mail) is no order: nothing says it was
      // ordered or not shipped, only that the carrier has not answered yet (issue #11).
      const added = !pkg.shop && !pkg.orderId && !pkg.timeline.last;
      h = added && !a
        ? { label: t('cardLabelAdded'), tone: 'neutral', line: t('cardNoUpdateYet'), detail: null }
        : a
        ? { label: a.late ? t('cardLabelLate') : t('cardLabelOrdered'), tone: a.late ? 'warning' : 'neutral', line: a.line, detail: t('cardNotShipped') }
        : { label: t('cardLabelOrdered'), tone: 'neutral', line: t('cardNotShipped'), detail: null };
      break;
    }
    case 'info_received': {
      const a = arrivalLine(ui, f, today, timeZone);
      arrival = a !== null;
      h = {
        label: a?.late ? t('cardLabelLate') : t('cardLabelLabelCreated'),
        tone: a?.late ? 'warning' : 'neutral',
        line: a?.line ?? t('cardNotPickedUp'),
        detail: a ? t('cardNotPickedUp') : null,
      };
      break;
    }
    case 'in_transit': {
      const a = arrivalLine(ui, f, today, timeZone);
      arrival = a !== null;
      const dueToday = !a?.late && f.eta !== null && dayOf(f.eta.from, timeZone) <= today && today <= dayOf(f.eta.to, timeZone);
      // "Arriving today…" (its first day is today): the list's "Arriving today" group.
      arrivingToday = a !== null && !a.late && f.eta !== null && dayOf(f.eta.from, timeZone) === today;
      h = {
        label: a?.late ? t('cardLabelLate') : t('cardLabelOnTheWay'),
        tone: a?.late || a?.slipped ? 'warning' : dueToday ? 'good' : 'neutral',
        line: a?.line ?? t('cardOnTheWay'),
        detail: lastScan(pkg) ?? text,
      };
      break;
    }
    case 'out_for_delivery': {
      // On the van means today, whatever day an older ETA named; its hours count only if they are today's.
      const hours = f.eta && dayOf(f.eta.to, timeZone) === today ? f.eta : null;
      arrival = true;
      arrivingToday = true;
      h = {
        label: t('cardLabelOutForDelivery'),
        tone: 'good',
        line: arriving(ui, t('cardToday'), hours, timeZone),
        detail: f.daysLate !== null ? plural(ui, 'cardDaysLate', f.daysLate) : text,
      };
      break;
    }
    case 'available_for_pickup': {
      const p = pkg.pickup;
      h = {
        label: t('cardLabelReadyForPickup'),
        tone: 'good',
        line: p?.location ? t('cardAtLocation', p.location) : t('cardReadyToCollect'),
        detail: [p?.code ? t('cardPickupCode', p.code) : null, p?.until ? t('cardUntil', dayName(ui, p.until, today)) : null].filter(Boolean).join(' · ') || null,
      };
      break;
    }
    case 'attempt_failed': {
      const next = f.eta && !f.currentPassed ? t('cardNextTry', etaDays(ui, f.eta, today, timeZone)) : null;
      h = { label: t('cardLabelAttemptFailed'), tone: 'warning', line: text ?? t('cardCouldNotDeliver'), detail: next };
      break;
    }
    case 'delivered': {
      const when = deliveredWhen(ui, pkg.deliveredAt, today, timeZone);
      if (has('suspected_lost')) {
        h = {
          label: t('cardLabelNotReceived'),
          tone: 'problem',
          line: t('cardYouMarkedNotReceived'),
          detail: when ? t('cardCarrierSaysDeliveredWhen', when) : t('cardCarrierSaysDelivered'),
        };
      } else {
        h = { label: t('cardLabelDelivered'), tone: 'good', line: when ? t('cardDeliveredWhen', when) : t('cardDelivered'), detail: leftAt(pkg) };
      }
      break;
    }
    case 'exception': {
      if (has('delayed') && !has('exception')) {
        const a = arrivalLine(ui, f, today, timeZone);
        arrival = a !== null;
        h = { label: t('cardLabelDelayed'), tone: 'warning', line: a?.line ?? t('cardDelayedByCarrier'), detail: text };
      } else {
        h = { label: t('cardLabelProblem'), tone: 'problem', line: text ?? t('cardCarrierReportsProblem'), detail: null };
      }
      break;
    }
    case 'returned':
      h = { label: t('cardLabelReturned'), tone: 'problem', line: text ?? t('cardGoingBack'), detail: null };
      break;
    case 'cancelled':
      h = { label: t('cardLabelCancelled'), tone: 'neutral', line: t('cardNothingOnItsWay'), detail: text && !/^cancel/i.test(text) ? text : null };
      break;
    case 'expired':
      h = { label: t('cardLabelExpired'), tone: 'neutral', line: t('cardNoLongerAnswers'), detail: null };
      break;
  }
  return { headline: { ...h, detail: freshDetail(h, attention, arrival) }, attention, arrivingToday };
}

// Letters of any script: a German line keeps its umlauts when two lines are compared.
const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A second line only when it says something the card does not already say: not the badge again
 * ("Out for delivery"), not the main line again ("Arriving tomorrow · Shipped" under "Arriving
 * tomorrow"), not the attention line's words.
 */
function freshDetail(h: Headline, attention: AttentionLine | null, arrival: boolean): string | null {
  if (!h.detail) return null;
  const d = norm(h.detail);
  if (!d || d === norm(h.label) || norm(h.line).includes(d) || d.startsWith(norm(h.line))) return null;
  // The shop's promise in other words ("Arriving December 2" under "Arriving today"): the line has it.
  // (The shop's words are the shop's language; the line is ours, or the carrier's own words.)
  if (/^(arriving|now expected|expected)\b/.test(d) && (arrival || /^(arriving|\d+ days? late)/i.test(h.line))) return null;
  if (attention && norm(attention.text).includes(d)) return null;
  return h.detail;
}

function deliveredWhen(ui: UiText, iso: string | null, today: string, timeZone: string): string | null {
  if (!iso) return null;
  const day = dayName(ui, dayOf(iso, timeZone), today);
  return hasTime(iso) ? ui.t('cardDayAt', day, clock(ui, Date.parse(iso), timeZone)) : day;
}
