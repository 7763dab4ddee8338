/** Issue #12 §5: the synced document's merge is a convergent last-writer-wins map, and its encoding keeps within storage.sync's quotas. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSyncDoc, EMPTY_SYNC_DOC, encodeSyncDoc, mergeSyncDocs, SYNC_QUOTA, type SyncDoc, type SyncEntry, syncLabel, withSyncableTombstones } from '../../../lib/sync/sync-doc';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const size = (k: string, v: unknown) => new TextEncoder().encode(k).length + new TextEncoder().encode(JSON.stringify(v)).length;

const number = fc.constantFrom('1Z999AA10123456784', '1z999aa10123456784', '9361289878700317633795', '123456789012', 'JJD000390007786001', 'LX123456789DE');
const time = fc.integer({ min: NOW - 30 * 86_400_000, max: NOW });
const label = fc.option(fc.string({ maxLength: 80 }), { nil: null });
/** A register: never set (time 0, its default) or set some time at or before the entry's own (few distinct values, so ties happen). */
const register = <V>(value: fc.Arbitrary<V>, none: V) => fc.option(fc.tuple(value, fc.constantFrom(0, 1, 60_000)), { nil: null }).map((r) => (r === null ? { v: none, back: null } : { v: r[0], back: r[1] }));
const entry: fc.Arbitrary<SyncEntry> = fc
  .record({
    number,
    carrier: fc.constantFrom('ups', 'usps', 'fedex', null),
    label: register(label, null),
    archived: register(fc.boolean(), false),
    muted: register(fc.boolean(), false),
    title: register(label, null),
    notReceivedAt: fc.option(time, { nil: null }),
    t: time,
  })
  .map(({ label, archived, muted, title, t, ...e }) => {
    const at = (r: { back: number | null }) => (r.back === null ? 0 : t - r.back);
    return {
      ...e,
      t,
      label: label.v,
      archived: archived.v,
      muted: muted.v,
      title: title.v,
      notReceivedAt: e.notReceivedAt === null ? null : Math.min(e.notReceivedAt, t),
      times: { label: at(label), archived: at(archived), muted: at(muted), title: at(title) },
    };
  });
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
    const e = (n: string, t: number, label: string | null = null): SyncEntry => ({ number: n, carrier: 'ups', label, archived: false, muted: false, title: null, notReceivedAt: null, t, times: { label: t, archived: t, muted: t, title: 0 } });
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
    const base = { number: '1Z999AA10123456784', carrier: 'ups', notReceivedAt: null, archived: false, title: 'Garden gloves' };
    const laptop: SyncEntry = { ...base, label: 'Birthday present', muted: false, t: 30, times: { label: 30, archived: 0, muted: 0, title: 5 } };
    const desktop: SyncEntry = { ...base, label: null, muted: true, t: 20, times: { label: 0, archived: 0, muted: 20, title: 8 } };
    const m = mergeSyncDocs({ ...EMPTY_SYNC_DOC, entries: [laptop] }, { ...EMPTY_SYNC_DOC, entries: [desktop] });
    expect(m.entries).toEqual([{ ...base, label: 'Birthday present', muted: true, t: 30, times: { label: 30, archived: 0, muted: 20, title: 8 } }]);
  });

  it('10,000 parcels: the most recently changed fit, every item and the whole within the quotas, and it says how many did not', () => {
    const entries: SyncEntry[] = Array.from({ length: 10_000 }, (_, i) => ({
      number: `1ZTEST${String(i).padStart(10, '0')}`,
      carrier: 'ups',
      // Every fifth one labelled by the shopper; every one with its shop's title, cut at sixty characters.
      label: i % 5 === 0 ? `For Sam, ${i}` : null,
      archived: i % 3 === 0,
      muted: i % 7 === 0,
      notReceivedAt: null,
      t: NOW - i * 60_000,
      title: `Item number ${i} with a long enough title to be cut at sixty characters somewhere`,
      times: { label: i % 5 === 0 ? NOW - i * 60_000 : 0, archived: NOW - i * 60_000, muted: NOW - i * 60_000 - 1_000, title: NOW - i * 60_000 - 5_000 },
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
    expect(synced).toBeGreaterThan(650);
    console.log(`sync: 10,000 parcels, ${synced} fit in ${Object.keys(items).length} items`);
  });

  it('deletions older than 60 days are dropped from the copy', () => {
    const d: SyncDoc = { ...EMPTY_SYNC_DOC, tombstones: [{ number: 'A1', t: NOW - 61 * 86_400_000 }, { number: 'B2', t: NOW - 59 * 86_400_000 }] };
    expect(decodeSyncDoc(encodeSyncDoc(d, NOW).items).doc.tombstones.map((t) => t.number)).toEqual(['B2']);
  });

  it('1,000 parcels deleted at once all travel (the deletions take up to six items), and the document merged is the one stored', () => {
    const tombstones = Array.from({ length: 1_000 }, (_, i) => ({ number: `1ZDEL${String(i).padStart(12, '0')}`, t: NOW - i * 1_000 }));
    const d: SyncDoc = { ...EMPTY_SYNC_DOC, tombstones };
    const { items } = encodeSyncDoc(d, NOW);
    for (const [k, v] of Object.entries(items)) expect(size(k, v)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
    const back = decodeSyncDoc(items).doc.tombstones;
    expect(back).toHaveLength(1_000);
    expect(withSyncableTombstones(d, NOW).tombstones).toEqual(back);
  });

  it('property: the deletions a browser merges with are exactly those its stored copy holds (so no two browsers rewrite each other)', () => {
    const many = fc.array(fc.record({ number: fc.stringMatching(/^[0-9A-Z]{10,30}$/), t: fc.integer({ min: NOW - 90 * 86_400_000, max: NOW }) }), { maxLength: 2_000 });
    fc.assert(
      fc.property(many, (tombstones) => {
        const d = mergeSyncDocs(EMPTY_SYNC_DOC, { ...EMPTY_SYNC_DOC, tombstones });
        const kept = withSyncableTombstones(d, NOW);
        expect(decodeSyncDoc(encodeSyncDoc(d, NOW).items).doc.tombstones).toEqual(kept.tombstones);
        // Kept again, nothing more goes: the form is stable.
        expect(withSyncableTombstones(kept, NOW)).toEqual(kept);
      }),
      { numRuns: 60 },
    );
  });

  it("the shopper's own label, however old, shows over a title a browser met later; a field nobody chose says nothing", () => {
    const e = (over: Partial<SyncEntry>, times: Partial<SyncEntry['times']>): SyncEntry => ({
      number: '1Z999AA10123456784',
      carrier: 'ups',
      label: null,
      archived: false,
      muted: false,
      title: null,
      notReceivedAt: null,
      t: 50,
      ...over,
      times: { label: 0, archived: 0, muted: 0, title: 0, ...times },
    });
    const laptop = e({ label: 'Birthday present', t: 10 }, { label: 10 });
    const desktop = e({ title: 'Garden gloves, size M' }, { title: 50 });
    const m = mergeSyncDocs({ ...EMPTY_SYNC_DOC, entries: [laptop] }, { ...EMPTY_SYNC_DOC, entries: [desktop] }).entries[0]!;
    expect(m).toMatchObject({ label: 'Birthday present', title: 'Garden gloves, size M', t: 50, times: { label: 10, title: 50 } });
    // Archived by a rule in one browser, never by the shopper: nothing to say to the other (time 0).
    expect(m.times.archived).toBe(0);
    // A damaged copy with a value at time 0 does not count as a choice.
    expect(mergeSyncDocs(EMPTY_SYNC_DOC, { ...EMPTY_SYNC_DOC, entries: [e({ archived: true }, {})] }).entries[0]!.archived).toBe(false);
    // At the same time, a title outranks none.
    expect(mergeSyncDocs({ ...EMPTY_SYNC_DOC, entries: [e({ title: null }, { title: 50 })] }, { ...EMPTY_SYNC_DOC, entries: [desktop] }).entries[0]!.title).toBe('Garden gloves, size M');
  });

  it('labels are cut the same way everywhere: trimmed, at most 60 units, never half an emoji', () => {
    expect(syncLabel('  Gift  ')).toBe('Gift');
    expect(syncLabel('   ')).toBeNull();
    const emoji = `${'a'.repeat(59)}🎁 and more`;
    expect(syncLabel(emoji)).toBe('a'.repeat(59));
    expect(syncLabel('x'.repeat(80))).toHaveLength(60);
    const d: SyncDoc = { ...EMPTY_SYNC_DOC, entries: [{ number: '1Z999AA10123456784', carrier: 'ups', label: emoji, archived: false, muted: false, title: null, notReceivedAt: null, t: 5, times: { label: 5, archived: 0, muted: 0, title: 0 } }] };
    expect(decodeSyncDoc(JSON.parse(JSON.stringify(encodeSyncDoc(d, NOW).items)) as Record<string, unknown>).doc.entries[0]!.label).toBe('a'.repeat(59));
  });

  it('property: whatever storage.sync holds, reading it never throws, and what it cannot read is named, not used', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('pl:v', 'pl:s', 'pl:d0', 'pl:d1', 'pl:p0', 'pl:p1', 'other'), fc.jsonValue()), (items) => {
        const r = decodeSyncDoc(items);
        for (const e of r.doc.entries) expect(typeof e.number).toBe('string');
      }),
      { numRuns: 500 },
    );
    expect(decodeSyncDoc({ 'pl:v': 1, 'pl:p0': [['1Z999AA10123456784', 'ups', null, 9, 1, null, 0, 0, 0, null, 0], ['1Z999AA10123456784', 'ups', null, 1, 1, null, 2, 0, 0, null, 0], 'x'] }).problems).toEqual([
      'pl:p0: an unreadable entry',
      'pl:p0: an unreadable entry',
      'pl:p0: an unreadable entry',
    ]);
    expect(decodeSyncDoc({ 'pl:v': 2, 'pl:p0': [] })).toEqual({ doc: EMPTY_SYNC_DOC, problems: ['synced data is format 2, this version reads 1: left as it is'] });
  });
});
