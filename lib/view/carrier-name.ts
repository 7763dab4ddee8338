import { getCarrier } from '../carriers/registry';
import type { Translate } from '../i18n/translate';

/**
 * A carrier's name as the shopper reads it: its own name, in every language (UPS, Deutsche Post),
 * except the catch-all for postal operators the registry does not name, which is a description and
 * is said in the shopper's language (issue #13 §2). Unknown ids are shown as they are.
 */
export function carrierName(id: string, t: Translate): string {
  if (id === 'upu') return t('carrierUpuName');
  return getCarrier(id)?.name ?? id;
}
