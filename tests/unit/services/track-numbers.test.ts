import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PorchlightDb } from '../../../lib/db/database';
import { trackNumbers } from '../../../lib/services/track-numbers';

describe('trackNumbers', () => {
  let db: PorchlightDb;
  beforeEach(() => {
    db = new PorchlightDb(`t-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('adds new numbers once, normalised, due now', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    const r = await trackNumbers(
      db,
      [
        { trackingNumber: '1z999aa1 0123456784', carrier: 'ups', confidence: 0.95 },
        { trackingNumber: '1Z999AA10123456784', carrier: 'ups', confidence: 0.95 },
      ],
      'selection',
      now,
      'America/Chicago',
    );
    expect(r).toMatchObject({ added: 1, known: 0 });
    const [pkg] = await db.packages.toArray();
    expect(pkg).toMatchObject({ id: 'ups:1Z999AA10123456784', trackingNumber: '1Z999AA10123456784', status: 'pending', nextCheckAt: now });
    const again = await trackNumbers(db, [{ trackingNumber: '1Z999AA10123456784', carrier: 'ups', confidence: 1 }], 'page', now + 1, 'America/Chicago');
    expect(again).toMatchObject({ added: 0, known: 1 });
    expect(await db.packages.count()).toBe(1);
  });

  it('a number the package is known by as its hand-off is not a second parcel (issue #19 §15)', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    await trackNumbers(db, [{ trackingNumber: '1Z999AA10123456784', carrier: 'ups', confidence: 0.95 }], 'selection', now, 'America/Chicago');
    await db.packages.update('ups:1Z999AA10123456784', {
      numbers: [
        { number: '1Z999AA10123456784', carrier: 'ups', relation: 'primary', source: 'selection', addedAt: now },
        { number: '9400100000000000000000', carrier: 'usps', relation: 'handoff', source: 'carrier:ups', addedAt: now },
      ],
      numberKeys: ['1Z999AA10123456784', '9400100000000000000000'],
    });
    const r = await trackNumbers(db, [{ trackingNumber: '9400 1000 0000 0000 0000 00', carrier: 'usps', confidence: 0.9 }], 'email:mail.google.com', now + 1, 'America/Chicago');
    expect(r).toMatchObject({ added: 0, known: 1 });
    expect(await db.packages.count()).toBe(1);
  });
});
