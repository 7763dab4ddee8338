import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../../../lib/alerts/settings';
import { DEFAULT_NOTIFY_SETTINGS } from '../../../lib/notify/settings';
import { EN } from '../../support/i18n';
import {
  alertKindLabels,
  ALERT_KINDS_IN_ORDER,
  applyNotifyChange,
  applyThreshold,
  parseNumber,
  parseTime,
  THRESHOLD_FIELDS,
  thresholdValue,
  thresholdWarnings,
} from '../../../lib/view/options-notifications';

const N = DEFAULT_NOTIFY_SETTINGS;
const A = DEFAULT_ALERT_SETTINGS;

describe('alert kind labels', () => {
  it('label every kind the notifier knows, most serious first', () => {
    expect([...ALERT_KINDS_IN_ORDER].sort()).toEqual(Object.keys(N.kinds).sort());
    expect(ALERT_KINDS_IN_ORDER[0]).toBe('suspected_lost');
    expect(alertKindLabels(EN.t).eta_moved).toBe('The expected delivery day moved later');
    for (const label of Object.values(alertKindLabels(EN.t))) expect(label).not.toMatch(/_/);
  });
});

describe('parseTime and parseNumber', () => {
  it('accepts HH:MM and drops seconds', () => {
    expect(parseTime(EN.t, '07:05')).toEqual({ ok: true, value: '07:05' });
    expect(parseTime(EN.t, '23:59:30')).toEqual({ ok: true, value: '23:59' });
  });
  it('refuses other times', () => {
    for (const bad of ['', '24:00', '7:00', 'noon']) expect(parseTime(EN.t, bad)).toEqual({ ok: false, error: 'Enter a time as hours and minutes, like 22:00.' });
  });
  it('checks numbers against their range', () => {
    expect(parseNumber(EN.t, ' 4.5 ', 0.5, 90)).toEqual({ ok: true, value: 4.5 });
    expect(parseNumber(EN.t, '', 0.5, 90)).toEqual({ ok: false, error: 'Enter a number.' });
    expect(parseNumber(EN.t, 'abc', 0.5, 90)).toEqual({ ok: false, error: 'Enter a number.' });
    expect(parseNumber(EN.t, '91', 0.5, 90)).toEqual({ ok: false, error: 'Enter a number from 0.5 to 90.' });
    expect(parseNumber(EN.t, '2.5', 1, 20, { integer: true })).toEqual({ ok: false, error: 'Enter a whole number.' });
  });
});

describe('applyNotifyChange', () => {
  it('switches the master switch and one kind without touching the rest', () => {
    const r = applyNotifyChange(EN.t, N, { field: 'kind', kind: 'delivered', value: false });
    expect(r.ok && r.value.kinds).toEqual({ ...N.kinds, delivered: false });
    expect(N.kinds.delivered).toBe(true);
    const off = applyNotifyChange(EN.t, N, { field: 'enabled', value: false });
    expect(off.ok && off.value).toEqual({ ...N, enabled: false });
  });
  it('stores no quiet hours while off and brings back the remembered ones', () => {
    const off = applyNotifyChange(EN.t, N, { field: 'quietEnabled', value: false });
    expect(off.ok && off.value.quietHours).toBeNull();
    const on = applyNotifyChange(EN.t, { ...N, quietHours: null }, { field: 'quietEnabled', value: true }, { start: '23:30', end: '06:15' });
    expect(on.ok && on.value.quietHours).toEqual({ start: '23:30', end: '06:15' });
  });
  it('sets start and end, refusing bad or equal times', () => {
    const r = applyNotifyChange(EN.t, N, { field: 'quietStart', value: '21:00' });
    expect(r.ok && r.value.quietHours).toEqual({ start: '21:00', end: '07:00' });
    expect(applyNotifyChange(EN.t, N, { field: 'quietEnd', value: '22:00' })).toEqual({ ok: false, error: 'Quiet hours must start and end at different times.' });
    expect(applyNotifyChange(EN.t, N, { field: 'quietEnd', value: '99:00' }).ok).toBe(false);
  });
  it('critical break-through and group threshold', () => {
    const c = applyNotifyChange(EN.t, N, { field: 'critical', value: true });
    expect(c.ok && c.value.criticalIgnoresQuietHours).toBe(true);
    const g = applyNotifyChange(EN.t, N, { field: 'groupAbove', value: '5' });
    expect(g.ok && g.value.groupAbove).toBe(5);
    expect(applyNotifyChange(EN.t, N, { field: 'groupAbove', value: '0' })).toEqual({ ok: false, error: 'Enter a number from 1 to 20.' });
  });
});

describe('thresholds', () => {
  it('reads every field from the settings', () => {
    expect(THRESHOLD_FIELDS.map((f) => thresholdValue(A, f.key))).toEqual([3, 4, 7, 5, 7, 20, 0]);
  });
  it('sets one stage and leaves the others', () => {
    const r = applyThreshold(EN.t, A, 'stalled.customs', '9');
    expect(r.ok && r.value.stalledDays).toEqual({ ...A.stalledDays, customs: 9 });
    const l = applyThreshold(EN.t, A, 'lost.international', '30');
    expect(l.ok && l.value.lostDays).toEqual({ domestic: 7, international: 30 });
    const e = applyThreshold(EN.t, A, 'etaGraceHours', '12');
    expect(e.ok && e.value.etaGraceHours).toBe(12);
  });
  it('refuses values the stored schema would drop', () => {
    expect(applyThreshold(EN.t, A, 'stalled.labelCreated', '0')).toEqual({ ok: false, error: 'Enter a number from 0.5 to 90.' });
    expect(applyThreshold(EN.t, A, 'etaGraceHours', '73')).toEqual({ ok: false, error: 'Enter a number from 0 to 72.' });
  });
  it('warns when a parcel would be lost before it is stalled', () => {
    expect(thresholdWarnings(EN, A)).toEqual([]);
    expect(thresholdWarnings(EN, { ...A, lostDays: { domestic: 2, international: 6 } })).toEqual([
      'Domestic parcels would count as lost (2 days) before stalled (4 days).',
      'International parcels would count as lost (6 days) before stalled (7 days).',
    ]);
  });
});
