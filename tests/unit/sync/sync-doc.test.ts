/** Issue #12 §5: the synced document's merge is a convergent last-writer-wins map, and its encoding keeps within storage.sync's quotas. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSyncDoc, EMPTY_SYNC_DOC, encodeSyncDoc, mergeSyncDocs, SYNC_QUOTA, type SyncDoc, type SyncEntry } from '../../../lib/sync/sync-doc';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const size = (k: string, v: unknown) => new TextEncoder().encode(k).length + new TextEncoder().encode(JSON.stringify(v)).length;

const number = fc.constantFrom('1Z999AA10123456784', '1z999aa10123456784', '9361289878700317633795', '123456789012', 'JJD000390007786001', 'LX123456789DE');
const time = fc.integer({ min: NOW - 30 * 86_400_000, max: NOW });
const entry: fc.Arbitrary<SyncEntry> = fc
  .record({
    number,
    carrier: fc.constantFrom('ups', 'usps', 'fedex', null),
    label: fc.option(fc.string({ maxLength: 80 }), { nil: null }),
    archived: fc.boolean(),
    muted: fc.boolean(),
    notReceivedAt: fc.option(time, { nil: null }),
    t: time,
    // Field times at or before the entry's own time (few distinct values, so ties happen).
    back: fc.tuple(fc.constantFrom(0, 1, 60_000), fc.constantFrom(0, 1, 60_000), fc.constantFrom(0, 60_000)),
  })
  .map(({ back, ...e }) => ({ ...e, notReceivedAt: e.notReceivedAt === null ? null : Math.min(e.notReceivedAt, e.t), times: { label: e.t - back[0], archived: e.t - back[1], muted: e.t - back[2] } }));
const doc: fc.Arbitrary<SyncDoc> = fc.record({
  entries: fc.array(entry, { maxLength: 6 }),
  tombstones: fc.array(fc.record({ number, t: time }), { maxLength: 4 }),
  settings: fc.option(fc.record({ historyAfterDays: fc.integer({ min: 0, max: 60 }) }), { nil: null }),
  settingsAt: time,
});
/** A document as it is once merged (every document in storage has been through the merge). */
const merged = doc.map((d) => mergeSyncDocs(EMPTY_SYNC_DOC, d));

describe('sync document', () => {
  it('property: the merge is commutative, associative and idempotent (every browser converges)', () => {
    fc.assert(
      fc.property(merged, merged, merged, (a, b, c) => {
        expect(mergeSyncDocs(a, b)).toEqual(mergeSyncDocs(b, a));
        expect(mergeSyncDocs(mergeSyncDocs(a, b), c)).toEqual(mergeSyncDocs(a, mergeSyncDocs(b, c)));
        expect(mergeSyncDocs(a, a)).toEqual(a);
      }),
      { numRuns: 500 },
    );
  });

  it('property: encoded and read back, a document that fits is the same document', () => {
    fc.assert(
      fc.property(merged, (d) => {
        const { items, left } = encodeSyncDoc(d, NOW);
        expect(left).toBe(0);
        expect(decodeSyncDoc(JSON.parse(JSON.stringify(items)) as Record<string, unknown>)).toEqual({ doc: d, problems: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('the later write wins per number, whatever the case; a deletion wins over older edits and loses to newer ones', () => {
    const e = (n: string, t: number, label: string | null = null): SyncEntry => ({ number: n, carrier: 'ups', label, archived: false, muted: false, notReceivedAt: null, t, times: { label: t, archived: t, muted: t } });
    const a: SyncDoc = { ...EMPTY_SYNC_DOC, entries: [e('1Z999AA10123456784', 10, 'old')] };
    const b: SyncDoc = { ...EMPTY_SYNC_DOC, entries: [e('1z999aa10123456784', 20, 'new')] };
    expect(mergeSyncDocs(a, b).entries.map((x) => x.label)).toEqual(['new']);
    const gone: SyncDoc = { ...EMPTY_SYNC_DOC, tombstones: [{ number: '1Z999AA10123456784', t: 15 }] };
    expect(mergeSyncDocs(a, gone).entries).toEqual([]);
    // The deletion stays beside the newer parcel, so an older copy cannot bring the old writes back.
    expect(mergeSyncDocs(b, gone)).toMatchObject({ entries: [{ label: 'new' }], tombstones: [{ t: 15 }] });
    expect(mergeSyncDocs(mergeSyncDocs(b, gone), a).entries.map((x) => x.label)).toEqual(['new']);
  });

  it('per field: a label set in one browser and a mute in another, neither seeing the other first, both stay', () => {
    const base = { number: '1Z999AA10123456784', carrier: 'ups', notReceivedAt: null, archived: false };
    const laptop: SyncEntry = { ...base, label: 'Birthday present', muted: false, t: 30, times: { label: 30, archived: 10, muted: 10 } };
    const desktop: SyncEntry = { ...base, label: null, muted: true, t: 20, times: { label: 10, archived: 10, muted: 20 } };
    const m = mergeSyncDocs({ ...EMPTY_SYNC_DOC, entries: [laptop] }, { ...EMPTY_SYNC_DOC, entries: [desktop] });
    expect(m.entries).toEqual([{ ...base, label: 'Birthday present', muted: true, t: 30, times: { label: 30, archived: 10, muted: 20 } }]);
  });

  it('10,000 parcels: the most recently changed fit, every item and the whole within the quotas, and it says how many did not', () => {
    const entries: SyncEntry[] = Array.from({ length: 10_000 }, (_, i) => ({
      number: `1ZTEST${String(i).padStart(10, '0')}`,
      carrier: 'ups',
      label: `Item number ${i} with a long enough title to be cut at sixty characters somewhere`,
      archived: i % 3 === 0,
      muted: i % 7 === 0,
      notReceivedAt: null,
      t: NOW - i * 60_000,
      times: { label: NOW - i * 60_000, archived: NOW - i * 60_000, muted: NOW - i * 60_000 - 1_000 },
    }));
    const { items, synced, left } = encodeSyncDoc({ entries, tombstones: [], settings: { historyAfterDays: 3 }, settingsAt: NOW }, NOW);
    expect(synced + left).toBe(10_000);
    expect(left).toBeGreaterThan(0);
    expect(Object.keys(items).length).toBeLessThanOrEqual(SYNC_QUOTA.maxItems);
    for (const [k, v] of Object.entries(items)) expect(size(k, v)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
    const total = Object.entries(items).reduce((n, [k, v]) => n + size(k, v), 0);
    expect(total).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    const back = decodeSyncDoc(items).doc.entries;
    expect(back).toHaveLength(synced);
    // Exactly the newest `synced` ones.
    const oldestKept = Math.min(...back.map((e) => e.t));
    expect(oldestKept).toBe(NOW - (synced - 1) * 60_000);
    expect(synced).toBeGreaterThan(700);
  });

  it('deletions older than 60 days are dropped from the copy', () => {
    const d: SyncDoc = { ...EMPTY_SYNC_DOC, tombstones: [{ number: 'A1', t: NOW - 61 * 86_400_000 }, { number: 'B2', t: NOW - 59 * 86_400_000 }] };
    expect(decodeSyncDoc(encodeSyncDoc(d, NOW).items).doc.tombstones.map((t) => t.number)).toEqual(['B2']);
  });

  it('property: whatever storage.sync holds, reading it never throws, and what it cannot read is named, not used', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('pl:v', 'pl:s', 'pl:d', 'pl:p0', 'pl:p1', 'other'), fc.jsonValue()), (items) => {
        const r = decodeSyncDoc(items);
        for (const e of r.doc.entries) expect(typeof e.number).toBe('string');
      }),
      { numRuns: 500 },
    );
    expect(decodeSyncDoc({ 'pl:v': 1, 'pl:p0': [['1Z999AA10123456784', 'ups', null, 9, 1, null, 0, 0, 0], ['1Z999AA10123456784', 'ups', null, 1, 1, null, 2, 0, 0], 'x'] }).problems).toEqual([
      'pl:p0: an unreadable entry',
      'pl:p0: an unreadable entry',
      'pl:p0: an unreadable entry',
    ]);
    expect(decodeSyncDoc({ 'pl:v': 2, 'pl:p0': [] })).toEqual({ doc: EMPTY_SYNC_DOC, problems: ['synced data is format 2, this version reads 1: left as it is'] });
  });
});
