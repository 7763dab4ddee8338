import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** Correos: UPU S10 numbers issued in ES (the country code ends the number). */
export const correos: CarrierDefinition = {
  id: 'correos',
  name: 'Correos',
  trackingUrl: urlTemplate('https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number=%s'),
  trackingHosts: ['correos.es'],
  keywords: ['Correos'],
  senderDomains: ['correos.es'],
  formats: [
    s10Format('correos_s10', 'Correos (S10)', claimS10Countries(['ES'])),
  ],
};
