/**
 * The shopper's time zone: the browser's own. Relative dates on shop pages ("Arriving tomorrow"),
 * ETA days and quiet hours are days and hours of the shopper's calendar; every context that needs
 * the zone reads it here.
 */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
