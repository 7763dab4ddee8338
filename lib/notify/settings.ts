import type { AlertKind } from '../model/types';

export interface NotifySettings {
  /** Master switch for desktop notifications (alerts are still listed in the popup). */
  enabled: boolean;
  /** Per-kind switches: which alerts may raise a desktop notification. */
  kinds: Record<AlertKind, boolean>;
  /** Local `HH:MM` window (may cross midnight) in which notifications wait; null = none. */
  quietHours: { start: string; end: string } | null;
  /** Critical alerts (suspected lost) break through quiet hours. */
  criticalIgnoresQuietHours: boolean;
  /** More than this many notifications at once become one grouped notification. */
  groupAbove: number;
  /**
   * Good and info news older than this is not worth a notification (history read on first install,
   * an "out for delivery" that waited through the night and is already delivered…). Warnings are not
   * aged out: a parcel that is still late is still worth telling.
   */
  goodNewsMaxAgeMs: number;
}

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = {
  enabled: true,
  kinds: {
    delayed: true,
    eta_moved: true,
    stalled: true,
    suspected_lost: true,
    exception: true,
    attempt_failed: true,
    returned: true,
    cancelled: true,
    out_for_delivery: true,
    ready_for_pickup: true,
    delivered: true,
  },
  quietHours: { start: '22:00', end: '07:00' },
  criticalIgnoresQuietHours: false,
  groupAbove: 3,
  goodNewsMaxAgeMs: 12 * 3_600_000,
};
