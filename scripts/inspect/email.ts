/**
 * `inspect email FILE.eml`: `{"orders": [{"shop", "orderId"}], "packages": [{"trackingNumber", "carrier", "confidence"}]}`.
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
  const reading = readEmailParts(await parseEml(await readFile(file)));
  return {
    orders: reading.orders.map(({ shop, orderId }) => ({ shop, orderId })),
    packages: reading.packages.map(({ trackingNumber, carrier, confidence }) => ({ trackingNumber, carrier, confidence })),
  };
}
