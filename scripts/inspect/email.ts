/**
 * `inspect email FILE.eml`: `{"orders": [{"shop", "orderId"}], "packages": [{"trackingNumber", "carrier", "confidence"}], "shopReading"}`.
 * A message without a Date header is read as of now.
 * The file is decoded into parts (./parse-eml.ts), then read by the extension's own readEmailParts.
 */
import { readFile } from 'node:fs/promises';
import { readEmailParts } from '../../lib/email/read-email';
import { parseArgs } from './args';
import { parseEml } from './parse-eml';

export async function run(args: string[]): Promise<unknown> {
  const { positional } = parseArgs(args);
  const file = positional[0];
  if (!file) throw new Error('usage: inspect email FILE.eml');
  const reading = readEmailParts(await parseEml(await readFile(file)), { now: new Date() });
  return {
    orders: reading.orders.map(({ shop, orderId }) => ({ shop, orderId })),
    packages: reading.packages.map(({ trackingNumber, carrier, confidence }) => ({ trackingNumber, carrier, confidence })),
    // Issue #18: what a shop's e-mail says of its order, as its page reading would (null for other senders).
    shopReading: reading.shopReading ? { kind: reading.shopReading.kind, orders: reading.shopReading.orders } : null,
  };
}
