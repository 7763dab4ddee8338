/**
 * Carrier keys in a backup (issue #12 §1): only when the shopper ticks "include my carrier keys", and
 * then sealed with a passphrase they choose: AES-256-GCM under a key derived with PBKDF2-HMAC-SHA256
 * (600,000 iterations, OWASP's 2023 figure for PBKDF2-SHA256, a random 16-byte salt and 12-byte IV per
 * backup). GCM authenticates: a wrong passphrase or a changed byte opens nothing. Web Crypto is the
 * platform's own (the same in the options page, Node and tests); nothing here is hand-rolled crypto.
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2
 */
import { z } from 'zod';
import type { Credentials } from '../carriers/client';
import { BackupError } from './read-backup';
import { SealedKeysSchema } from './schema';

export const SEAL_ITERATIONS = 600_000;
/** A passphrase shorter than this is refused before anything is sealed. */
export const MIN_PASSPHRASE = 10;

export type SealedKeys = z.infer<typeof SealedKeysSchema>;

const CredentialsSchema = z.record(z.string().max(64), z.record(z.string().max(64), z.string().max(4096)));

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, use: KeyUsage): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, [use]);
}

export async function sealCredentials(credentials: Record<string, Credentials>, passphrase: string, iterations = SEAL_ITERATIONS): Promise<SealedKeys> {
  if (passphrase.length < MIN_PASSPHRASE) throw new BackupError({ code: 'passphrase_short', min: MIN_PASSPHRASE });
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await derive(passphrase, salt, iterations, 'encrypt');
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(credentials))));
  return { cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations, salt: b64(salt), iv: b64(iv), data: b64(data) };
}

/** The keys, or a BackupError that says why not (never which part was wrong: GCM cannot tell). */
export async function openCredentials(sealed: SealedKeys, passphrase: string): Promise<Record<string, Credentials>> {
  let plain: ArrayBuffer;
  try {
    const key = await derive(passphrase, unb64(sealed.salt), sealed.iterations, 'decrypt');
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(sealed.iv) }, key, unb64(sealed.data));
  } catch {
    throw new BackupError({ code: 'wrong_passphrase' });
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    json = null;
  }
  const parsed = CredentialsSchema.safeParse(json);
  if (!parsed.success) throw new BackupError({ code: 'keys_unknown' });
  return parsed.data;
}
