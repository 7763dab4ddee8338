/**
 * `inspect email FILE.eml`: `{"orders": [{"shop", "orderId"}], "packages": [{"trackingNumber", "carrier", "confidence"}]}`.
 */
import { readFile } from 'node:fs/promises';
import { readEmail } from '../../lib/email/read-email';
import { parseArgs } from './args';

export async function run(args: string[]): Promise<unknown> {
  const { positional } = parseArgs(args);
  const file = positional[0];
  if (!file) throw new Error('usage: inspect email FILE.eml');
  const reading = await readEmail(await readFile(file));
  return {
    orders: reading.orders.map(({ shop, orderId }) => ({ shop, orderId })),
    packages: reading.packages.map(({ trackingNumber, carrier, confidence }) => ({ trackingNumber, carrier, confidence })),
  };
}
