import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../../lib/alerts/settings';
import { DEFAULT_NOTIFY_SETTINGS } from '../../lib/notify/settings';
import { parseSettings } from '../../lib/settings';

/** What a fresh install reads: nothing stored yet (lib/platform/storage.ts). */
const DEFAULTS = parseSettings(undefined);

describe('settings', () => {
  it('defaults match the pure cores', () => {
    expect(DEFAULTS.notifications).toEqual(DEFAULT_NOTIFY_SETTINGS);
    expect(DEFAULTS.alerts).toEqual(DEFAULT_ALERT_SETTINGS);
    expect(DEFAULTS.amazonTracker).toBe(true);
    expect(DEFAULTS.webmail).toEqual({ gmail: false, outlook: false });
  });
  it('keeps valid fields and replaces corrupt ones, field by field', () => {
    const s = parseSettings({
      notifications: { enabled: false, quietHours: { start: '25:00', end: 'x' }, kinds: { delivered: false } },
      alerts: { stalledDays: { labelCreated: 'soon', customs: 9 } },
      disabledProviders: 'ups',
    });
    expect(s.notifications.enabled).toBe(false);
    expect(s.notifications.quietHours).toEqual(DEFAULT_NOTIFY_SETTINGS.quietHours);
    expect(s.notifications.kinds.delivered).toBe(false);
    expect(s.notifications.kinds.out_for_delivery).toBe(true);
    expect(s.alerts.stalledDays.customs).toBe(9);
    expect(s.alerts.stalledDays.labelCreated).toBe(3);
    expect(s.disabledProviders).toEqual([]);
  });
  it('survives garbage', () => {
    expect(parseSettings('nonsense')).toEqual(DEFAULTS);
    expect(parseSettings(null)).toEqual(DEFAULTS);
    expect(parseSettings([1, 2])).toEqual(DEFAULTS);
  });
});
