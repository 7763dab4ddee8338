/**
 * Situation rules: pure functions of a package's state (issue #6 §4, issue #19 §7). Each rule lives
 * in its own file under `rules/`, is listed in `registry.ts`, and says whether its situation holds
 * now, as at most one {@link AlertDraft} whose `key` is stable for the cause. A situation starts when
 * its key first holds and ends when it no longer does (or a later situation supersedes it); the store
 * keeps situations by key, so one cause is one situation, told at most once.
 *
 * Rules read the package and its timeline digest (lib/model/types.ts TimelineDigest), never the
 * events themselves: a round evaluates every active package and must not read their timelines
 * (issue #19 §16).
 */
import type { UiText } from '../i18n/translate';
import type { AlertKind, AlertSeverity, Eta, Order, Package } from '../model/types';

export interface AlertSettings {
  /** Days without a new event before a package counts as stalled, per stage. */
  stalledDays: {
    labelCreated: number;
    domesticTransit: number;
    internationalTransit: number;
    customs: number;
  };
  /** Days without a new event before a moving package is suspected lost. */
  lostDays: { domestic: number; international: number };
  /** Hours after the end of the ETA window before "delayed" is raised (0 = right after it ends). */
  etaGraceHours: number;
  /** Carrier event codes that mean "delayed" (compared case-insensitively with `TrackingEvent.code`). */
  delayCodes: string[];
}

export interface AlertContext {
  pkg: Package;
  order?: Order | null;
  now: number;
  settings: AlertSettings;
  /** The user's time zone: ETAs are calendar days in it, and "today" is its today. */
  timeZone: string;
  /** The words and the locale of titles and messages (issue #13 §2): stored as built, in the browser's language. */
  ui: UiText;
}

/** Extra facts a rule found, for the popup and the next steps. Text is data, never HTML. */
export interface AlertDetails {
  eta?: Eta | null;
  previousEta?: Eta | null;
  code?: string | null;
  /** Where to collect it (locker or pickup point name), when the carrier says. */
  pickupLocation?: string | null;
  pickupCode?: string | null;
  /** Days without news, for stalled and lost. */
  quietDays?: number;
  stage?: 'label_created' | 'domestic_transit' | 'international_transit' | 'customs';
}

export interface AlertDraft {
  /** `${packageId}|${kind}|${cause}`: same situation, same key. */
  key: string;
  packageId: string;
  kind: AlertKind;
  severity: AlertSeverity;
  title: string;
  message: string;
  /** Epoch ms when the situation began (the carrier's event, the end of the ETA…), for ordering and latency. */
  since: number;
  /**
   * When it happened by its own evidence (an event's instant, the end of the ETA window, the day of
   * quiet that made it stalled), or null when the evidence has no time (a page line "Cancelled"). The
   * notification policy tells news by it (issue #19 §9).
   */
  happenedAt: number | null;
  /** Started by the shopper's own report ("I did not receive this"): never notified back to them. */
  byUser?: boolean;
  /**
   * Other keys the same cause may be stored under: a timeline row another source joined can change
   * its key; the situation keyed by it is the same one (issue #19 §7: never told twice).
   */
  aliases?: string[];
  details: AlertDetails;
}

export type AlertRule = (ctx: AlertContext) => AlertDraft | null;

export interface RuleEntry {
  /** File name under rules/ without extension; a test checks each has a table test. */
  id: string;
  kind: AlertKind;
  rule: AlertRule;
  /**
   * Kinds this situation ends while it holds, though their own rule would still hold (the shopper's
   * "not received" ends the good news of delivery). Situations that stop holding end by themselves.
   */
  supersedes?: readonly AlertKind[];
}
