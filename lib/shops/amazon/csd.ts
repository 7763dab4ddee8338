/**
 * Amazon's client-side-decrypted order cards ("Siege CSD", 2025+): the server sends each card's body
 * encrypted in `div.csd-encrypted-sensitive` and a script decrypts it in the page. The order id is readable
 * before that from `data-csa-c-slot-id="amzn1.yourorders.order-card.<ORDER-ID>"`
 * (../shared/docs/amazon-pages.md §1.4). The live content script uses this to wait (MutationObserver on
 * `.js-order-card`) and read again; a page fetched in the background stays encrypted.
 */
import { ORDER_ID_RE } from './urls';

const SLOT_PREFIX = 'amzn1.yourorders.order-card.';

interface EncryptedCards {
  /** True while at least one card still holds encrypted content. */
  pending: boolean;
  /** How many cards are still encrypted. */
  encrypted: number;
  /** Order ids readable from `data-csa-c-slot-id`, in page order (encrypted or not). */
  orderIds: string[];
  /** Ids of the still-encrypted cards only. */
  encryptedOrderIds: string[];
}

/** The order id in a card's `data-csa-c-slot-id`, or null. */
export function slotOrderId(el: Element): string | null {
  const slot = el.getAttribute('data-csa-c-slot-id');
  if (!slot?.startsWith(SLOT_PREFIX)) return null;
  const m = ORDER_ID_RE.exec(slot.slice(SLOT_PREFIX.length));
  return m ? m[0] : null;
}

/** A card whose visible content is still encrypted (no readable header or shipment box yet). */
export function isEncryptedCard(card: Element): boolean {
  if (!card.querySelector('.csd-encrypted-sensitive')) return false;
  return !card.querySelector('.yohtmlc-order-id, .order-header, .order-info, .delivery-box, .a-box.shipment');
}

export function detectEncryptedCards(doc: Document | Element): EncryptedCards {
  const orderIds: string[] = [];
  const encryptedOrderIds: string[] = [];
  let encrypted = 0;
  for (const card of doc.querySelectorAll(`[data-csa-c-slot-id^="${SLOT_PREFIX}"]`)) {
    const id = slotOrderId(card);
    if (id && !orderIds.includes(id)) orderIds.push(id);
    if (isEncryptedCard(card)) {
      encrypted++;
      if (id) encryptedOrderIds.push(id);
    }
  }
  // Cards without a slot id but with an encrypted body still count as pending.
  for (const el of doc.querySelectorAll('.js-order-card .csd-encrypted-sensitive')) {
    const card = el.closest('.js-order-card');
    if (card && !card.hasAttribute('data-csa-c-slot-id') && isEncryptedCard(card)) encrypted++;
  }
  return { pending: encrypted > 0, encrypted, orderIds, encryptedOrderIds };
}
