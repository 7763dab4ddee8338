import type { AlertSettings } from './types';

/**
 * Defaults from issue #6: stalled when label created > 3 days, domestic in transit > 4 days,
 * international > 7 days, in customs > 5 days; suspected lost when stalled > 7 days domestic or
 * 20 days international.
 *
 * Delay codes (see /work/shared/docs/carrier-apis.md §8, "Delay signals"): FedEx `DY` Delay, `DD`
 * Delivery Delay, `PD` Pickup Delay, `CD` Clearance Delay and derived `RL` Running Late; USPS `71`
 * Rescheduled to Next Delivery Day; 17TRACK `Exception_Delayed`. UPS delay descriptions
 * (032/046/048/049/051–053/086/090) are included for parsers that store the 3-digit status code.
 */
export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  stalledDays: { labelCreated: 3, domesticTransit: 4, internationalTransit: 7, customs: 5 },
  lostDays: { domestic: 7, international: 20 },
  etaGraceHours: 0,
  delayCodes: ['DY', 'DD', 'PD', 'CD', 'RL', '71', 'Exception_Delayed', '032', '046', '048', '049', '051', '052', '053', '086', '090'],
};

/** Settings with the user's overrides on top of the defaults (nested objects merged one level deep). */
export function alertSettings(over: Partial<AlertSettings> = {}): AlertSettings {
  return {
    ...DEFAULT_ALERT_SETTINGS,
    ...over,
    stalledDays: { ...DEFAULT_ALERT_SETTINGS.stalledDays, ...over.stalledDays },
    lostDays: { ...DEFAULT_ALERT_SETTINGS.lostDays, ...over.lostDays },
  };
}
