/**
 * `inspect classify FILE`: one JSON line per input line,
 * `{"input", "candidates": [{"carrier", "service", "format", "confidence"}]}`, best first.
 */
import { readFile } from 'node:fs/promises';
import { classify } from '../../lib/carriers/registry';
import { parseArgs } from './args';

export async function run(args: string[]): Promise<unknown> {
  const { positional } = parseArgs(args);
  const file = positional[0];
  if (!file) throw new Error('usage: inspect classify FILE');
  const text = await readFile(file, 'utf8');
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  for (const input of lines) {
    const candidates = classify(input).map(({ carrier, service, format, confidence }) => ({ carrier, service, format, confidence }));
    process.stdout.write(`${JSON.stringify({ input, candidates })}\n`);
  }
  return undefined;
}
