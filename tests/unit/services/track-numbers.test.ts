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
    );
    expect(r).toMatchObject({ added: 1, known: 0 });
    const [pkg] = await db.packages.toArray();
    expect(pkg).toMatchObject({ id: 'ups:1Z999AA10123456784', trackingNumber: '1Z999AA10123456784', status: 'pending', nextCheckAt: now });
    const again = await trackNumbers(db, [{ trackingNumber: '1Z999AA10123456784', carrier: 'ups', confidence: 1 }], 'page', now + 1);
    expect(again).toMatchObject({ added: 0, known: 1 });
    expect(await db.packages.count()).toBe(1);
  });
});
