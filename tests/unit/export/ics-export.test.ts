/** The calendar export (issue #12) read by an independent RFC 5545 parser (ical.js). */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarChunks, foldLine } from '../../../lib/export/ics';
import type { PorchlightDb } from '../../../lib/db/database';
import { collect, HOSTILE, seedWorld, WORLD_NOW } from '../backup/backup-world';
import { EN } from '../../support/i18n';

let db: PorchlightDb;
beforeAll(async () => {
  db = await seedWorld();
});
afterAll(() => db.delete());

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.name).toBe('vcalendar');
  expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  return cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

describe('calendar export', () => {
  it('an all-day entry per expected delivery and per pickup deadline, text as text', async () => {
    const text = await collect(calendarChunks(db, WORLD_NOW, EN.t));
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const list = events(text);
    expect(list).toHaveLength(2);
    const eta = list.find((e) => e.uid.startsWith('eta-'))!;
    // TEXT has one line break, `\n` (RFC 5545 §3.3.11): the CRLF inside the label reads back as LF.
    expect(eta.summary).toBe(`Delivery expected: Lamp; ${HOSTILE.replace('\r\n', '\n')} (UPS 1Z999AA10123456784)`);
    expect(eta.startDate.isDate).toBe(true);
    expect(eta.startDate.toString()).toBe('2024-12-23');
    // DTEND is exclusive: a window to Dec 24 ends at the start of Dec 25.
    expect(eta.endDate.toString()).toBe('2024-12-25');
    expect(eta.sequence).toBe(2);
    const pickup = list.find((e) => e.uid.startsWith('pickup-'))!;
    expect(pickup.location).toBe('Locker 12, Main St; "north" side');
    expect(pickup.description).toContain('Pickup code: 4711');
    expect(pickup.startDate.toString()).toBe('2024-12-27');
  });

  it('UIDs stay the same from one export to the next; SEQUENCE grows when the ETA moves', async () => {
    const before = events(await collect(calendarChunks(db, WORLD_NOW, EN.t)));
    const [pkg] = await db.packages.where('trackingNumber').equals('1Z999AA10123456784').toArray();
    await db.packages.update(pkg!.id, {
      eta: { from: '2024-12-26', to: '2024-12-26' },
      etaHistory: [...pkg!.etaHistory, { eta: { from: '2024-12-26', to: '2024-12-26' }, seenAt: WORLD_NOW + 1, source: 'carrier:ups' }],
    });
    const after = events(await collect(calendarChunks(db, WORLD_NOW + 86_400_000, EN.t)));
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    const eta = after.find((e) => e.uid.startsWith('eta-'))!;
    expect(eta.sequence).toBe(3);
    expect(eta.startDate.toString()).toBe('2024-12-26');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'ü'.repeat(100)}`;
    const folded = foldLine(line);
    for (const l of folded.split('\r\n')) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`${line}\r\n`);
  });
});
