import { isConfigurableProvider, PROVIDER_INFO, providerName } from '../carriers/clients';
import { SHOP_SITES } from '../hosts';
import type { MessageKey, Translate } from '../i18n/translate';
import type { OrderStatus } from '../model/types';
import { carrierName } from './carrier-name';

/** A shop's name as the shopper knows it ("Best Buy", "Amazon"); a store's host as it is. */
export function shopName(shop: string): string {
  const site = SHOP_SITES.find((s) => s.id === shop);
  if (site) return site.label;
  return /^[a-z]+$/.test(shop) ? shop[0]!.toUpperCase() + shop.slice(1) : shop;
}

/**
 * Who said it, in the shopper's words, for the claim kit's "Reported by" (found trying it as a
 * shopper, issue #13: it printed `carrier:demo, page:amazon`): the carrier's or aggregator's name,
 * a shop's page, an e-mail, the shopper. A source Porchlight has no words for is shown as stored.
 */
export function sourceLabel(source: string, t: Translate): string {
  if (source === 'user') return t('claimKitYou');
  const at = source.indexOf(':');
  const kind = at < 0 ? source : source.slice(0, at);
  const id = at < 0 ? '' : source.slice(at + 1);
  switch (kind) {
    case 'carrier':
      return carrierName(id, t);
    case 'aggregator':
      return isConfigurableProvider(id) ? providerName(PROVIDER_INFO[id], t) : id;
    case 'page':
      return t('sourceLabelPage', shopName(id));
    case 'email':
      return t('sourceLabelEmail', id);
    case 'legacy':
      return t('sourceLabelLegacy');
    default:
      return source;
  }
}

const ORDER_STATUS: Record<OrderStatus, MessageKey> = {
  open: 'orderStatusOpen',
  delivered: 'orderStatusDelivered',
  cancelled: 'orderStatusCancelled',
  returned: 'orderStatusReturned',
  completed: 'orderStatusCompleted',
  unknown: 'orderStatusUnknown',
};

/** An order's status in words ("Open", "Storniert"); a value no reader gives is shown as it is. */
export function orderStatusText(status: string, t: Translate): string {
  const key = ORDER_STATUS[status as OrderStatus];
  return key ? t(key) : status;
}
