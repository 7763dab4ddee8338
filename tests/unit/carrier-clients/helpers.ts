import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ParsedEvent, TrackError, TrackOutcome, TrackResult } from '../../../lib/carriers/client';
import type { Status } from '../../../lib/model/status';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

export function fixture(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, dir, name), 'utf8'));
}

export function fixtureText(dir: string, name: string): string {
  return readFileSync(join(FIXTURES, dir, name), 'utf8');
}

export function results(outcome: TrackOutcome): TrackResult[] {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.error.kind}: ${outcome.error.message}`);
  return outcome.results;
}

export function failure(outcome: TrackOutcome): TrackError {
  if (outcome.ok) throw new Error('expected a failure');
  return outcome.error;
}

/** An expected event: `at` (an exact UTC instant; the event must carry an offset) or `local` (exact string, `timeIsLocal`). */
export type ExpectedEvent = ({ at: string; local?: never } | { local: string; at?: never }) & {
  status: Status | null;
  code: string | null;
  description?: string;
  location?: string | null;
};

export function expectEvents(events: ParsedEvent[], expected: ExpectedEvent[]): void {
  expect(events.length).toBe(expected.length);
  expected.forEach((x, i) => {
    const e = events[i]!;
    if (x.at !== undefined) {
      expect(e.timeIsLocal, `event ${i} ${e.time} has an offset`).toBe(false);
      expect(Date.parse(e.time), `event ${i} ${e.time} = ${x.at}`).toBe(Date.parse(x.at));
    } else {
      expect(e.timeIsLocal, `event ${i} is local`).toBe(true);
      expect(e.time).toBe(x.local);
    }
    expect(e.status, `event ${i} status`).toBe(x.status);
    expect(e.code, `event ${i} code`).toBe(x.code);
    if (x.description !== undefined) expect(e.description).toBe(x.description);
    if (x.location !== undefined) expect(e.location).toBe(x.location);
  });
}
