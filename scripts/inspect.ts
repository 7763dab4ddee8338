/**
 * `npm run -s inspect -- <kind> <file> [options]`: runs a pure reader on a file and prints JSON.
 * Each kind lives in `scripts/inspect/<kind>.ts` and exports `run(args: string[]): Promise<unknown>`.
 * The output contract is in issue #2 and the README.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [kind, ...args] = process.argv.slice(2);

function fail(message: string): never {
  process.stderr.write(`inspect: ${message}\n`);
  process.exit(2);
}

const KIND_RE = /^[a-z][a-z-]*$/;
if (!kind || !KIND_RE.test(kind)) fail('usage: inspect <page|classify|text|email|carrier> <file> [options]');
const file = join(here, 'inspect', `${kind}.ts`);
if (!existsSync(file)) fail(`unknown kind "${kind}"`);

try {
  const mod = (await import(file)) as { run(args: string[]): Promise<unknown> };
  const out = await mod.run(args);
  if (out !== undefined) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
