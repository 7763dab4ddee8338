import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

/**
 * SDA Express Courier (Poste Italiane group), which carries Amazon.it's large parcels ("SDA Oversized").
 * Issue #18: the real Amazon.it shipping e-mail in the shared fixtures names SDA with 350C20177729F.
 */
export const sda: CarrierDefinition = {
  id: 'sda',
  name: 'SDA',
  trackingUrl: urlTemplate('https://www.sda.it/wps/portal/Servizi_online/dettaglio-spedizione?locale=it&tracing.letteraVettura=%s'),
  trackingHosts: ['sda.it'],
  keywords: ['SDA', 'SDA Express Courier'],
  senderDomains: ['sda.it'],
  formats: [
    {
      id: 'sda_ldv',
      service: 'SDA lettera di vettura',
      // SDA's own FAQ: the waybill (lettera di vettura) number is "il codice di 13 cifre composto da numeri e
      // lettere" under the barcode (https://www.sda.it/wps/portal/SDAit/FAQ). No check digit is published and
      // 13 letters and digits are common, so it is taken only when the context names SDA; at least four digits
      // keep words out, and the UPU S10 shape (two letters, nine digits, two letters) stays the postal operators'.
      pattern: /^(?=(?:[A-Z]*\d){4})(?![A-Z]{2}\d{9}[A-Z]{2}$)[0-9A-Z]{13}$/,
      lengths: [13],
      checkDigit: null,
      strength: 0.1,
      contextOnly: true,
      overlaps: ['*'],
      examples: { valid: ['350C20177729F', '1234567890123'], invalid: ['350C20177729', 'SDAOVERSIZEDX', 'RB123456785IT'] },
    },
  ],
};
