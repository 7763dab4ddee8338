/**
 * "Storage is full", told apart from every other failure (issue #10 §4). IndexedDB reports it as a
 * `QuotaExceededError` DOMException, on the request or as the reason a transaction aborted
 * (https://www.w3.org/TR/IndexedDB/#dom-idbtransaction-error); Dexie wraps it as
 * `Dexie.QuotaExceededError`, or as an `AbortError` / `BulkError` whose `inner` / `failures` hold it
 * (https://dexie.org/docs/DexieErrors/Dexie.QuotaExceededError). A transaction that fails this way
 * commits nothing, so what was stored before is intact: the caller's job is only to say so.
 */

export const STORAGE_FULL_MESSAGE =
  'Porchlight could not save what it just read: the browser says its storage is full. Nothing saved before was lost. Free some disk space, then visit the page again.';

/** The typed error callers catch to tell the shopper (badge, notification, popup line). */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(cause: unknown) {
    super(STORAGE_FULL_MESSAGE, { cause });
  }
}

/** DOMException's legacy code for QUOTA_EXCEEDED_ERR. */
const QUOTA_EXCEEDED_CODE = 22;

/** True when `err`, or an error it wraps, is a quota failure. */
export function isQuotaExceeded(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'StorageFullError') return true;
  if (e.code === QUOTA_EXCEEDED_CODE && typeof DOMException !== 'undefined' && err instanceof DOMException) return true;
  if (isQuotaExceeded(e.inner, depth + 1) || isQuotaExceeded(e.cause, depth + 1)) return true;
  const failures = e.failures;
  return Array.isArray(failures) ? failures.some((f) => isQuotaExceeded(f, depth + 1)) : false;
}

/** Runs a storage write; a quota failure comes out as a {@link StorageFullError}, anything else as it was. */
export async function guardStorage<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isQuotaExceeded(err)) throw err instanceof StorageFullError ? err : new StorageFullError(err);
    throw err;
  }
}
