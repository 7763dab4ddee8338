import type { BudgetRefusal } from '../carriers/client';
import type { PorchlightDb } from './database';

/** Where the provider holds live (the `kv` table): one key for the round, the migration and the popup. */
export const HOLDS_KEY = 'providerHolds';

/** A provider that must not be asked before `until` (Retry-After, quota, sign-in backoff). */
export interface ProviderHold {
  until: number;
  reason: string;
  message: string;
  /** Held by Porchlight's own budget: the limit, for the popup's banner in the shopper's language. */
  budget?: BudgetRefusal;
  /** Consecutive holds, for doubling backoffs (Amazon's sign-in). */
  step?: number;
}

export async function loadHolds(db: PorchlightDb): Promise<Record<string, ProviderHold>> {
  return ((await db.kv.get(HOLDS_KEY))?.value as Record<string, ProviderHold> | undefined) ?? {};
}

export async function saveHolds(db: PorchlightDb, holds: Record<string, ProviderHold>): Promise<void> {
  await db.kv.put({ key: HOLDS_KEY, value: holds });
}
