/**
 * Carrier keys sealed in a backup (issue #12 §1): AES-256-GCM under PBKDF2-SHA256. Round trip, a
 * wrong passphrase and a changed byte open nothing, each seal is fresh (salt, IV), a short
 * passphrase is refused, and a backup holding keys still reads and imports like any other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackupError, readBackup } from '../../../lib/backup/read-backup';
import { MIN_PASSPHRASE, openCredentials, SEAL_ITERATIONS, sealCredentials } from '../../../lib/backup/sealed-keys';
import { backupChunks } from '../../../lib/backup/write-backup';
import { PorchlightDb } from '../../../lib/db/database';
import { parseSettings } from '../../../lib/settings';
import { backupErrorText } from '../../../lib/view/options-data';
import { EN } from '../../support/i18n';

/** The sentence the options page shows for the refusal (issue #13 §2: the error carries a code). */
const shown = (p: Promise<unknown>) => p.then(() => 'not refused', (e: unknown) => (e instanceof BackupError ? backupErrorText(EN, e.problem) : String(e)));

const KEYS = { ups: { clientId: 'ups-id', clientSecret: 'ups-secret' }, dhl: { apiKey: 'dhl-key-ü' } };
// Fewer iterations where the test only needs the format (the product uses SEAL_ITERATIONS).
const FAST = 100_000;

describe('sealed carrier keys', () => {
  it('open with their passphrase, at the product iteration count', async () => {
    const sealed = await sealCredentials(KEYS, 'correct horse battery');
    expect(sealed).toMatchObject({ cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: SEAL_ITERATIONS });
    expect(JSON.stringify(sealed)).not.toContain('ups-secret');
    expect(await openCredentials(sealed, 'correct horse battery')).toEqual(KEYS);
  });

  it('a wrong passphrase, or any changed byte, opens nothing', async () => {
    const sealed = await sealCredentials(KEYS, 'correct horse battery', FAST);
    await expect(openCredentials(sealed, 'correct horse batterz')).rejects.toThrow(BackupError);
    const data = atob(sealed.data);
    const flipped = btoa(String.fromCharCode(data.charCodeAt(0) ^ 1) + data.slice(1));
    expect(await shown(openCredentials({ ...sealed, data: flipped }, 'correct horse battery'))).toMatch(/does not open/);
  });

  it('every seal has its own salt and IV', async () => {
    const a = await sealCredentials(KEYS, 'correct horse battery', FAST);
    const b = await sealCredentials(KEYS, 'correct horse battery', FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it(`refuses a passphrase shorter than ${MIN_PASSPHRASE} characters`, async () => {
    expect(await shown(sealCredentials(KEYS, 'short'))).toMatch(/at least 10 characters/);
  });

  it('round-trips any keys and passphrase (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 40 }), { maxKeys: 3 }), { maxKeys: 3 }),
        fc.string({ minLength: MIN_PASSPHRASE, maxLength: 30 }),
        async (keys, pass) => {
          expect(await openCredentials(await sealCredentials(keys, pass, FAST), pass)).toEqual(keys);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('a backup holding keys reads like any other, with its keys in the header', async () => {
    const carrierKeys = await sealCredentials(KEYS, 'correct horse battery', FAST);
    const db = new PorchlightDb(`sealed-${Math.random()}`);
    const items = [];
    for await (const item of readBackup(backupChunks(db, { now: Date.parse('2026-12-03T12:00:00Z'), appVersion: '1.0.0', settings: parseSettings({}), carrierKeys }))) items.push(item);
    await db.delete();
    const header = items.find((i) => i.kind === 'header') as { header: { carrierKeys?: unknown } } | undefined;
    expect(header?.header.carrierKeys).toEqual(carrierKeys);
  });
});
