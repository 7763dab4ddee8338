/**
 * Schema 1 → 2 for one package row (pure, so the migration test can check it row by row). What the
 * row said is kept as is; what was known without a source becomes a `legacy` claim (the weakest real
 * rank, so the next word from any source replaces it), and the timeline digest is computed from the
 * package's stored events.
 */
import { derive } from '../engine/derive';
import { numberKeysOf } from '../engine/merge';
import type { Package, PackageNumber, SourceClaim, TrackingEvent } from '../model/types';

type V1Package = Omit<
  Package,
  'numbers' | 'numberKeys' | 'claims' | 'statusLog' | 'provenance' | 'timeline' | 'statusSince' | 'etaWindowLocal' | 'pickup' | 'evaluatedAt'
> &
  Partial<Package>;

export function upgradePackageToV2(p: V1Package, events: readonly TrackingEvent[], zone: string): Package {
  const numbers: PackageNumber[] =
    p.numbers ?? (p.trackingNumber ? [{ number: p.trackingNumber.toUpperCase(), carrier: p.carrier, relation: 'primary', source: 'legacy', addedAt: p.firstSeenAt }] : []);
  const legacy: SourceClaim = {
    source: 'legacy',
    observedAt: p.updatedAt,
    status: p.status,
    statusText: p.statusText,
    eta: p.eta,
    etaWindowLocal: null,
    deliveredAt: p.deliveredAt,
    pickup: null,
  };
  const claims = p.claims ?? { legacy };
  const statusLog = p.statusLog ?? [{ source: 'legacy', at: p.updatedAt, status: p.status, text: p.statusText }];
  const d = derive({ claims, statusLog, events: events.map((e) => ({ ...e, sources: e.sources ?? [e.source] })), carrier: p.carrier, fallbackZone: zone });
  return {
    ...p,
    numbers,
    numberKeys: p.numberKeys ?? numberKeysOf(numbers),
    claims,
    statusLog,
    statusSince: p.statusSince ?? d.statusSince ?? p.lastChangeAt,
    etaWindowLocal: p.etaWindowLocal ?? null,
    pickup: p.pickup ?? d.pickup,
    provenance: p.provenance ?? {
      status: { source: 'legacy', observedAt: p.updatedAt },
      eta: p.eta ? { source: 'legacy', observedAt: p.updatedAt } : null,
      deliveredAt: p.deliveredAt ? { source: 'legacy', observedAt: p.updatedAt } : null,
      pickup: null,
    },
    timeline: p.timeline ?? d.timeline,
    // Looked at by the alert rules of schema 1 already: what it says now is not news.
    evaluatedAt: p.evaluatedAt ?? p.updatedAt,
  } as Package;
}
