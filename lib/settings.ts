import { z } from 'zod';
import { DEFAULT_ALERT_SETTINGS } from './alerts/settings';
import { DEFAULT_NOTIFY_SETTINGS, type NotifySettings } from './notify/settings';

// Zod 4 compiles object schemas with `new Function` unless told not to; the extension's CSP forbids
// eval, and without this zod's probe for it shows up as a CSP violation report. With it, zod never
// reaches the probe (README "web-ext lint": the probe's code is still in the bundle).
// https://zod.dev/api#jitless
z.config({ jitless: true });

/**
 * User settings, validated with zod on every read so a corrupt or older stored value falls back to
 * defaults field by field instead of breaking the extension. Stored in browser.storage.local.
 */
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const D = DEFAULT_NOTIFY_SETTINGS;

const NotifySchema = z.object({
  enabled: z.boolean().catch(D.enabled),
  kinds: z
    .record(z.string(), z.boolean())
    .catch({})
    .transform((k) => ({ ...D.kinds, ...k }) as NotifySettings['kinds']),
  quietHours: z.object({ start: HHMM, end: HHMM }).nullable().catch(D.quietHours),
  criticalIgnoresQuietHours: z.boolean().catch(D.criticalIgnoresQuietHours),
  groupAbove: z.number().int().min(1).max(20).catch(D.groupAbove),
  goodNewsMaxAgeMs: z.number().min(0).catch(D.goodNewsMaxAgeMs),
});

const A = DEFAULT_ALERT_SETTINGS;
const days = (d: number) => z.number().min(0.5).max(90).catch(d);
const AlertSchema = z.object({
  stalledDays: z
    .object({
      labelCreated: days(A.stalledDays.labelCreated),
      domesticTransit: days(A.stalledDays.domesticTransit),
      internationalTransit: days(A.stalledDays.internationalTransit),
      customs: days(A.stalledDays.customs),
    })
    .catch(A.stalledDays),
  lostDays: z
    .object({ domestic: days(A.lostDays.domestic), international: days(A.lostDays.international) })
    .catch(A.lostDays),
  etaGraceHours: z.number().min(0).max(72).catch(A.etaGraceHours),
  delayCodes: z.array(z.string()).catch(A.delayCodes),
});

/** Delivered parcels move from the list to History after this many days (issue #11 §2). */
export const DEFAULT_HISTORY_AFTER_DAYS = 3;

export const SettingsSchema = z.object({
  /** The popup's list: days a finished parcel stays before it moves to History. */
  historyAfterDays: z.number().int().min(0).max(60).catch(DEFAULT_HISTORY_AFTER_DAYS),
  notifications: NotifySchema.catch(() => NotifySchema.parse({})),
  alerts: AlertSchema.catch(() => AlertSchema.parse({})),
  /** Providers the user switched off (`ups`, `17track`, `amazon-tracker`…). */
  disabledProviders: z.array(z.string()).catch([]),
  /** Read Amazon's own tracking page in the background for packages without a carrier number. */
  amazonTracker: z.boolean().catch(true),
  /** Opt-in scanning of webmail for shipping e-mails (optional host permissions asked when turned on). */
  webmail: z.object({ gmail: z.boolean().catch(false), outlook: z.boolean().catch(false) }).catch({ gmail: false, outlook: false }),
  /**
   * Carrier tracking sites (`ups`, `dhl-de`… lib/carrier-pages/registry.ts) whose pages the shopper
   * visits are read (issue #14); each one's hosts are asked for when it is turned on. Off by default.
   */
  carrierPages: z.record(z.string(), z.boolean().catch(false)).catch({}),
  /**
   * Order pages on any site (issue #15 §2): shops on their own domains (Shopify stores) are read once the
   * shopper turns this on, which asks for every HTTPS site. Off by default.
   */
  anySitePages: z.boolean().catch(false),
  /** Shops (`walmart`, `target`… lib/hosts.ts SHOP_SITES) whose order pages are read, each asked for when turned on. Off by default. */
  shopPages: z.record(z.string(), z.boolean().catch(false)).catch({}),
  /**
   * Sync through the browser's own storage.sync (issue #12 §5): tracked numbers, their labels and flags,
   * deletions and {@link SYNCED_SETTINGS} go to the shopper's other browsers signed in to the same
   * browser account. Off by default; never carrier keys.
   */
  sync: z.boolean().catch(false),
});

/**
 * The settings that travel with sync: not the permission-bound switches (webmail, carrier pages, shops:
 * each browser grants its own hosts), not the providers (keys never sync), not sync itself.
 */
export const SYNCED_SETTINGS = ['historyAfterDays', 'notifications', 'alerts', 'amazonTracker'] as const;

export type Settings = z.infer<typeof SettingsSchema>;

export function parseSettings(raw: unknown): Settings {
  return SettingsSchema.parse(raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {});
}
