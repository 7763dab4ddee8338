import type { ScanStats } from '../../lib/scan/find-tracking-numbers';

/** Zeroed ScanStats, to pass as the scanner's `stats` (the tests bound its work by these counts). */
export function newScanStats(): ScanStats {
  return { characters: 0, examined: 0, searches: 0, tokens: 0, runs: 0, lookups: 0, patternRuns: 0, contextReads: 0 };
}
