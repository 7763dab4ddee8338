/**
 * `inspect text FILE [--min-confidence X]`: tracking numbers in the file's text,
 * `[{"number", "carrier", "service", "format", "confidence", "start", "end"}]`.
 */
import { readFile } from 'node:fs/promises';
import { findTrackingNumbers } from '../../lib/scan/find-tracking-numbers';
import { parseArgs } from './args';

export async function run(args: string[]): Promise<unknown> {
  const { positional, flags } = parseArgs(args);
  const file = positional[0];
  if (!file) throw new Error('usage: inspect text FILE [--min-confidence 0..1]');
  const min = flags['min-confidence'] !== undefined ? Number(flags['min-confidence']) : undefined;
  if (min !== undefined && !(min >= 0 && min <= 1)) throw new Error('--min-confidence must be between 0 and 1');
  const text = await readFile(file, 'utf8');
  return findTrackingNumbers(text, { minConfidence: min }).map(({ number, carrier, service, format, confidence, start, end }) => ({
    number,
    carrier,
    service,
    format,
    confidence,
    start,
    end,
  }));
}
