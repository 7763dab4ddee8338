/**
 * Issue #17 point 1: the fault matrix's rows, written by the integration tier
 * (tests/integration/fault-matrix.test.ts) and the real-Chromium tier (tests/e2e/engine.e2e.ts) to
 * .cache/fault-matrix/; scripts/test-all.mjs prints them as one table after the E2E tier.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface FaultRow {
  fault: string;
  /** Where it was run: the background on the fake browser, or the built extension in real Chromium. */
  tier: 'integration' | 'chromium';
  seen: string;
  lost: number;
  duplicated: number;
  uncaught: number;
}

export function writeFaultRows(file: string, rows: readonly FaultRow[]): void {
  const dir = resolve('.cache/fault-matrix');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${file}.json`), JSON.stringify(rows));
}

export function formatFaultTable(rows: readonly FaultRow[]): string {
  const w = Math.max(...rows.map((r) => r.fault.length), 5);
  const line = (r: FaultRow) =>
    `${r.fault.padEnd(w)}  ${r.tier.padEnd(11)}  ${String(r.lost).padStart(4)}  ${String(r.duplicated).padStart(10)}  ${String(r.uncaught).padStart(8)}  ${r.seen}`;
  return [`${'fault'.padEnd(w)}  ${'tier'.padEnd(11)}  lost  duplicated  uncaught  what the shopper sees`, ...rows.map(line)].join('\n');
}
