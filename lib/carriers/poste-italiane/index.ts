import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** Poste Italiane: UPU S10 numbers issued in IT (the country code ends the number). */
export const posteItaliane: CarrierDefinition = {
  id: 'poste_italiane',
  name: 'Poste Italiane',
  trackingUrl: urlTemplate('https://www.poste.it/cerca/index.html#/risultati-spedizioni/%s'),
  trackingHosts: ['poste.it'],
  keywords: ['Poste Italiane'],
  senderDomains: ['poste.it', 'posteitaliane.it'],
  formats: [
    s10Format('poste_italiane_s10', 'Poste Italiane (S10)', claimS10Countries(['IT'])),
  ],
};
