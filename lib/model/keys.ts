import type { CarrierId, ShopId } from './types';

/** 53-bit FNV-1a-style hash (two 32-bit lanes), hex. Stable across runs and platforms. */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + ((h2 >>> 0) & 0x1fffff).toString(16).padStart(6, '0');
}

export function orderKey(shop: ShopId, orderId: string): string {
  return `${shop}:${orderId}`;
}

/**
 * A package's id. Tracking number wins (the same parcel seen on a shop page and in a carrier e-mail
 * is one package); otherwise the shop's shipment (or, failing that, the order itself).
 */
export function packageIdFor(p: {
  carrier?: CarrierId | null;
  trackingNumber?: string | null;
  shop?: ShopId | null;
  orderId?: string | null;
  shipmentId?: string | null;
}): string {
  if (p.trackingNumber) return `${p.carrier ?? 'unknown'}:${p.trackingNumber.toUpperCase()}`;
  if (p.shop && p.orderId) return `${p.shop}:${p.orderId}:${p.shipmentId ?? 'order'}`;
  throw new Error('A package needs a tracking number or a shop order id');
}

/**
 * An event's stable key: the same event from the same package gets the same key however often it is
 * fetched, so storing is idempotent. Whitespace and case in the description do not matter.
 */
export function eventKey(e: { packageId: string; time: string; code: string | null; description: string }): string {
  const desc = e.description.replace(/\s+/g, ' ').trim().toLowerCase();
  return `${e.packageId}|${stableHash(`${e.time}|${e.code ?? ''}|${desc}`)}`;
}
