import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** La Poste: UPU S10 numbers issued in FR (the country code ends the number). */
export const laPoste: CarrierDefinition = {
  id: 'la_poste',
  name: 'La Poste',
  trackingUrl: urlTemplate('https://www.laposte.fr/outils/suivre-vos-envois?code=%s'),
  trackingHosts: ['laposte.fr', 'colissimo.fr'],
  keywords: ['La Poste', 'Colissimo'],
  senderDomains: ['laposte.fr', 'colissimo.fr'],
  formats: [
    s10Format('la_poste_s10', 'La Poste (S10)', claimS10Countries(['FR'])),
  ],
};
