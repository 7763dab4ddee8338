/**
 * Alert rules: pure functions of a package's situation (issue #6 §4). Each rule lives in its own file
 * under `rules/`, is listed in `registry.ts`, and returns at most one {@link AlertDraft} whose `key` is
 * stable for the cause, so the same alert is never raised twice (the store keeps alerts by key).
 */
import type { AlertKind, AlertSeverity, Eta, Order, Package, TrackingEvent } from '../model/types';

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
  /** All stored events of the package, any order. */
  events: TrackingEvent[];
  order?: Order | null;
  now: number;
  settings: AlertSettings;
  /** The user's time zone: ETAs are calendar days in it, and "today" is its today. */
  timeZone: string;
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
  details: AlertDetails;
}

export type AlertRule = (ctx: AlertContext) => AlertDraft | null;

export interface RuleEntry {
  /** File name under rules/ without extension; a test checks each has a table test. */
  id: string;
  kind: AlertKind;
  rule: AlertRule;
}
