import { z } from 'zod';

/**
 * User settings, validated with zod on every read so a corrupt or older stored value falls back to
 * defaults field by field instead of breaking the extension.
 */
export const NOTIFY_KINDS = [
  'delayed',
  'eta_moved',
  'stalled',
  'suspected_lost',
  'exception',
  'attempt_failed',
  'returned',
  'cancelled',
  'out_for_delivery',
  'ready_for_pickup',
  'delivered',
] as const;

const notifyDefaults = Object.fromEntries(NOTIFY_KINDS.map((k) => [k, true])) as Record<(typeof NOTIFY_KINDS)[number], boolean>;

export const SettingsSchema = z.object({
  notifications: z
    .object({
      enabled: z.boolean().catch(true),
      kinds: z
        .record(z.string(), z.boolean())
        .catch(notifyDefaults)
        .transform((k) => ({ ...notifyDefaults, ...k })),
      quietHours: z
        .object({ enabled: z.boolean(), start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) })
        .catch({ enabled: false, start: '22:00', end: '07:00' }),
    })
    .catch({ enabled: true, kinds: notifyDefaults, quietHours: { enabled: false, start: '22:00', end: '07:00' } }),
  /** Providers the user switched off. */
  disabledProviders: z.array(z.string()).catch([]),
  /** Read Amazon's own tracking page in the background for packages without a carrier number. */
  amazonTracker: z.boolean().catch(true),
});

export type Settings = z.infer<typeof SettingsSchema>;

export function parseSettings(raw: unknown): Settings {
  return SettingsSchema.parse(raw ?? {});
}

export const DEFAULT_SETTINGS: Settings = parseSettings({});
