/**
 * Amazon's status wording and calendar words per language, as data.
 *
 * Sources: the real en-US pages in tests/fixtures/amazon (see ../shared/docs/amazon-pages.md §1.5), the real
 * Amazon US/UK/IT e-mails in ../shared/fixtures/emails ("Arriverà: martedì 01 dicembre", "dispatched"), and
 * Amazon's published de/fr/es wording. Text is matched after {@link normalise} (lower case, accents removed,
 * curly quotes straightened), so patterns here are written without accents.
 */
import type { AmazonLanguage } from './marketplace';

/**
 * What a status phrase means. `arriving` says only "a date is promised"; the secondary line (or its
 * absence) decides between pending and in transit.
 */
export type PhraseMeaning =
  | 'cancelled'
  | 'returned'
  | 'out_for_delivery'
  | 'delivered'
  | 'available_for_pickup'
  | 'attempt_failed'
  | 'late'
  | 'exception'
  | 'arriving'
  | 'shipped'
  | 'info_received'
  | 'pending'
  | 'in_store'
  | 'gift_sent';

export interface LanguageVocabulary {
  months: readonly string[];
  weekdays: readonly string[];
  /** Extra accepted weekday spellings (abbreviations), index = weekday (0 = Sunday). */
  weekdayAbbrevs?: readonly (readonly string[])[];
  relative: Readonly<Record<string, number>>;
  /** Ordered: the first pattern that matches wins (so "wird heute zugestellt" is out for delivery, not delivered). */
  phrases: readonly (readonly [RegExp, PhraseMeaning])[];
  /** Words between the parts of a date that carry no meaning ("2 de noviembre de 2024", "le 2 novembre"). */
  filler: ReadonlySet<string>;
  /** Labels in order headers. */
  placedLabels: RegExp;
  totalLabels: RegExp;
  grandTotal: RegExp;
  /** "Sold by" prefix on items. */
  soldBy: RegExp;
  /** Printable order summary / invoice labels (issue #18), matched on normalised lines unless said otherwise. */
  summary: SummaryLabels;
}

export interface SummaryLabels {
  /** The page title ("Amazon.com - Order 112-…", "Amazon.de - Bestellung 302-…"). */
  title: RegExp;
  placed: RegExp;
  orderNumber: RegExp;
  total: RegExp;
  grandTotal: RegExp;
  /** A shipment heading with the day it left ("Shipped on December 28, 2018"). */
  shipped: RegExp;
  /** A shipment not yet sent ("Shipping now", "Not Yet Shipped"). */
  notShipped: RegExp;
  cancelled: RegExp;
  /** "Digital Order Summary". */
  digital: RegExp;
  /** An item row, on the printed line: group 1 the quantity ("1 of:", "2 von:"). */
  itemRow: RegExp;
  /** The seller in an item's cell, on the printed text: group 1 the seller. */
  seller: RegExp;
}

export const VOCABULARY: Readonly<Record<AmazonLanguage, LanguageVocabulary>> = {
  en: {
    months: [
      'january',
      'february',
      'march',
      'april',
      'may',
      'june',
      'july',
      'august',
      'september',
      'october',
      'november',
      'december',
    ],
    weekdays: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
    weekdayAbbrevs: [['sun'], ['mon'], ['tue', 'tues'], ['wed'], ['thu', 'thur', 'thurs'], ['fri'], ['sat']],
    relative: { today: 0, tomorrow: 1, yesterday: -1 },
    phrases: [
      [/^(order )?cancel+ed\b|\bwas cancel+ed\b/, 'cancelled'],
      [
        /^return (complete|completed|received|started|in transit|approved|requested)\b|^refund(ed| issued)\b|^returned\b|^your return is complete|refund has been issued/,
        'returned',
      ],
      [/^out for delivery\b/, 'out_for_delivery'],
      [/^delivered\b|^your package was (left|delivered|handed)|^package was (left|delivered|handed)/, 'delivered'],
      [
        /^(ready|available) for pick ?up\b|^ready to (be )?pick(ed)? up\b|^(your )?package is ready for pick ?up/,
        'available_for_pickup',
      ],
      [/^(delivery )?attempt(ed)?\b|^delivery attempted\b|^we (tried|attempted) to deliver/, 'attempt_failed'],
      [/^running late\b|^delayed\b|^delivery delayed\b|^(your )?package (is|was|may be) (delayed|running late)/, 'late'],
      [/^undeliverable\b|^(your )?package (may be|was|is) (lost|damaged)\b|^lost\b|^damaged\b|^delivery problem/, 'exception'],
      [
        /^(now )?(arriving|arrives|expected|expected by|estimated delivery|delivery estimate|guaranteed delivery|arriving early)\b|^now expected\b/,
        'arriving',
      ],
      [
        /^(shipped|dispatched|on the way|in transit|departed|arrived at|(package|shipment) (arrived|departed|has left|left)|left the carrier)\b/,
        'shipped',
      ],
      [/^label created\b|^shipment information (sent|received)/, 'info_received'],
      [
        /^not yet (shipped|dispatched)\b|^preparing for (shipment|dispatch)\b|^ordered\b|^order (placed|received)\b|^pending\b/,
        'pending',
      ],
      [/^purchased\b|^whole foods market\b|^picked up in store\b/, 'in_store'],
      [/^sent$/, 'gift_sent'],
    ],
    filler: new Set(['the', 'on', 'of', 'at', 'by', 'between', 'and', 'to', '-', 'from', 'until']),
    placedLabels: /^(order placed|ordered on|purchased|date ordered)\b/,
    totalLabels: /^(order )?total\b/,
    grandTotal: /^(grand total|order total)\b/,
    soldBy: /^sold by:?\s*/i,
    summary: {
      title: /^amazon\.[a-z.]+ - order\b/,
      placed: /^order placed\s*:/,
      orderNumber: /^amazon\.[a-z.]+ order number\s*:|^order number\s*:/,
      total: /^order total\s*:/,
      grandTotal: /^grand total\s*:/,
      shipped: /^shipped on\b/,
      notShipped: /^(shipping now|not yet shipped|preparing for shipment)\b/,
      cancelled: /^order cancel+ed\b/,
      digital: /^digital order summary\b/,
      itemRow: /^(\d{1,3}) of\s*:\s*/i,
      seller: /sold by\s*:?\s*(.+?)(?:\s*\(seller profile\)|\s*condition\s*:|$)/i,
    },
  },
  de: {
    months: [
      'januar',
      'februar',
      'marz',
      'april',
      'mai',
      'juni',
      'juli',
      'august',
      'september',
      'oktober',
      'november',
      'dezember',
    ],
    weekdays: ['sonntag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag'],
    relative: { heute: 0, morgen: 1, ubermorgen: 2, gestern: -1 },
    phrases: [
      [/^(bestellung )?storniert\b|\bwurde storniert\b/, 'cancelled'],
      [
        /^(ruckgabe|rucksendung) (abgeschlossen|erhalten|gestartet|eingeleitet)\b|^erstattet\b|^(ruck)?erstattung (erfolgt|veranlasst|ausgestellt)|erstattung wurde/,
        'returned',
      ],
      [/^wird heute zugestellt\b|^in zustellung\b|^zustellung heute\b|^heute in zustellung\b|^wird zugestellt\b/, 'out_for_delivery'],
      [/^zugestellt\b|^geliefert\b|^wurde zugestellt\b|^ihr paket wurde (zugestellt|abgegeben|hinterlegt)/, 'delivered'],
      [/^(zur )?abholung bereit\b|^abholbereit\b|^bereit zur abholung\b|^abholung moglich\b/, 'available_for_pickup'],
      [/^zustellversuch\b|^zustellung (nicht moglich|fehlgeschlagen)/, 'attempt_failed'],
      [/^verspatet\b|^verzogert\b|^lieferung verzogert\b|^verspatung\b/, 'late'],
      [/^(paket )?(verloren|beschadigt)\b|^nicht zustellbar\b/, 'exception'],
      [
        /^(jetzt )?(voraussichtlich(e)?( lieferung| ankunft| zustellung)?|lieferung|ankunft|zustellung|erwartet)\b/,
        'arriving',
      ],
      [/^(versandt|verschickt|versendet|unterwegs|in transit)\b/, 'shipped'],
      [/^(versandetikett erstellt|sendungsinformationen)/, 'info_received'],
      [/^noch nicht versandt\b|^versand wird vorbereitet\b|^bestellt\b|^bestellung (aufgegeben|eingegangen)\b|^versand in kurze\b/, 'pending'],
      [/^gekauft (bei|in|im)\b/, 'in_store'],
      [/^gesendet$/, 'gift_sent'],
    ],
    filler: new Set(['am', 'den', 'der', 'bis', 'und', 'um', 'zwischen', '-', 'vom', 'zum']),
    placedLabels: /^(bestellung aufgegeben|bestellt am|bestelldatum|gekauft)\b/,
    totalLabels: /^(summe|gesamt|gesamtsumme|gesamtbetrag)\b/,
    grandTotal: /^(gesamtsumme|gesamtbetrag|summe)\b/,
    soldBy: /^verkauf durch:?\s*/i,
    summary: {
      title: /^amazon\.[a-z.]+ - bestellung\b/,
      placed: /^(bestellung aufgegeben am|bestelldatum|bestellt am)\s*:/,
      orderNumber: /^(amazon\.[a-z.]+ )?bestellnummer\s*:/,
      total: /^(gesamtbetrag der bestellung|bestellsumme|gesamtsumme der bestellung)\s*:/,
      grandTotal: /^(gesamtsumme|gesamtbetrag)\s*:/,
      shipped: /^versandt am\b/,
      notShipped: /^(versand in kurze|versand wird vorbereitet|noch nicht versandt)\b/,
      cancelled: /^bestellung storniert\b/,
      digital: /^zusammenfassung der digitalen bestellung\b|^digitale bestellung\b/,
      itemRow: /^(\d{1,3}) von\s*:\s*/i,
      seller: /verkauf durch\s*:?\s*(.+?)(?:\s*\(verk[aä]uferprofil\)|\s*zustand\s*:|$)/i,
    },
  },
  fr: {
    months: [
      'janvier',
      'fevrier',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'aout',
      'septembre',
      'octobre',
      'novembre',
      'decembre',
    ],
    weekdays: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    relative: { "aujourd'hui": 0, demain: 1, 'apres-demain': 2, hier: -1 },
    phrases: [
      [/^(commande )?annulee?s?\b|\ba ete annulee?\b/, 'cancelled'],
      [/^retour (termine|effectue|recu|lance|en cours)\b|^rembourse(e)?s?\b|^remboursement (emis|effectue)/, 'returned'],
      [/^en cours de livraison\b|^en livraison\b|^livraison en cours\b/, 'out_for_delivery'],
      [/^livree?s?\b|^a ete livree?\b|^votre colis a ete (livre|depose|remis)/, 'delivered'],
      [/^pret (pour le|a) retrait\b|^disponible (pour le|pour|au) retrait\b|^a retirer\b/, 'available_for_pickup'],
      [/^tentative de livraison\b|^livraison tentee\b|^echec de (la )?livraison\b/, 'attempt_failed'],
      [/^en retard\b|^retarde(e)?\b|^livraison retardee\b/, 'late'],
      [/^(colis )?(perdu|endommage)\b|^non livrable\b/, 'exception'],
      [
        /^(desormais |maintenant )?(arrivee|arrive|arrivera|livraison( prevue| estimee)?|prevue?( le| pour)?|date de livraison estimee)\b/,
        'arriving',
      ],
      [/^(expediee?s?|en transit|en cours d'acheminement)\b/, 'shipped'],
      [/^(etiquette creee|informations d'expedition)/, 'info_received'],
      [/^pas encore expediee?\b|^non expediee?\b|^en preparation\b|^en cours de preparation\b|^commandee?\b/, 'pending'],
      [/^achete(e)? (chez|en|au|dans)\b/, 'in_store'],
      [/^envoyee?$/, 'gift_sent'],
    ],
    filler: new Set(['le', 'la', 'du', 'au', 'et', 'entre', '-', 'a', 'de', 'avant', 'jusqu\'au', 'par']),
    placedLabels: /^(commande effectuee|commande passee|commande le|date de commande|achete)\b/,
    totalLabels: /^(total|montant total)\b/,
    grandTotal: /^(montant total|total de la commande|total ttc)\b/,
    soldBy: /^vendu par\s*:?\s*/i,
    summary: {
      title: /^amazon\.[a-z.]+ - commande\b/,
      placed: /^(commande effectuee le|date de commande|commande passee le)\s*:/,
      orderNumber: /^(numero de (la )?commande( amazon\.[a-z.]+)?)\s*:/,
      total: /^(montant total de la commande|total de la commande)\s*:/,
      grandTotal: /^(montant total|total ttc)\s*:/,
      shipped: /^expediee? le\b/,
      notShipped: /^(expedition en cours|pas encore expediee?|en preparation)\b/,
      cancelled: /^commande annulee\b/,
      digital: /^recapitulatif de (la )?commande numerique\b/,
      itemRow: /^(\d{1,3}) (?:de|x)\s*:\s*/i,
      seller: /vendu par\s*:?\s*(.+?)(?:\s*\(profil du vendeur\)|\s*[eé]tat\s*:|$)/i,
    },
  },
  it: {
    months: [
      'gennaio',
      'febbraio',
      'marzo',
      'aprile',
      'maggio',
      'giugno',
      'luglio',
      'agosto',
      'settembre',
      'ottobre',
      'novembre',
      'dicembre',
    ],
    weekdays: ['domenica', 'lunedi', 'martedi', 'mercoledi', 'giovedi', 'venerdi', 'sabato'],
    relative: { oggi: 0, domani: 1, dopodomani: 2, ieri: -1 },
    phrases: [
      [/^(ordine )?annullat[oa]\b|\be stato annullato\b/, 'cancelled'],
      [/^reso (completato|ricevuto|avviato|in corso)\b|^rimborsat[oa]\b|^rimborso (emesso|effettuato)/, 'returned'],
      [/^in consegna\b|^in consegna oggi\b|^il corriere e in consegna/, 'out_for_delivery'],
      [/^consegnat[oia]\b|^consegna effettuata\b|^il pacco e stato (consegnato|lasciato)/, 'delivered'],
      [/^pronto per il ritiro\b|^disponibile per il ritiro\b|^da ritirare\b/, 'available_for_pickup'],
      [/^tentativo di consegna\b|^consegna non riuscita\b|^mancata consegna\b/, 'attempt_failed'],
      [/^in ritardo\b|^ritardo\b|^consegna in ritardo\b/, 'late'],
      [/^(pacco )?(smarrito|danneggiato)\b|^non consegnabile\b/, 'exception'],
      [/^(ora )?(arrivera|arrivo|in arrivo|consegna prevista|previst[oa]|data di consegna prevista)\b/, 'arriving'],
      [/^(spedit[oiae]|in transito)\b/, 'shipped'],
      [/^(etichetta creata|informazioni di spedizione)/, 'info_received'],
      [/^non ancora spedito\b|^in preparazione\b|^ordinato\b/, 'pending'],
      [/^acquistato (presso|in|da)\b/, 'in_store'],
      [/^inviat[oa]$/, 'gift_sent'],
    ],
    filler: new Set(['il', 'lo', 'la', 'l', 'del', 'e', 'tra', '-', 'entro', 'alle', 'di', 'dal', 'al']),
    placedLabels: /^(ordine effettuato|data ordine|ordinato il|acquistato)\b/,
    totalLabels: /^(totale)\b/,
    grandTotal: /^(totale ordine|totale complessivo|importo totale)\b/,
    soldBy: /^venduto da:?\s*/i,
    summary: {
      title: /^amazon\.[a-z.]+ - ordine\b/,
      placed: /^(ordine effettuato il|data dell'ordine|data ordine)\s*:/,
      orderNumber: /^(numero (dell')?ordine( amazon\.[a-z.]+)?)\s*:/,
      total: /^(totale ordine|importo totale dell'ordine)\s*:/,
      grandTotal: /^(totale complessivo|totale)\s*:/,
      shipped: /^spedito il\b/,
      notShipped: /^(in spedizione|non ancora spedito|in preparazione)\b/,
      cancelled: /^ordine annullato\b/,
      digital: /^riepilogo (dell')?ordine digitale\b/,
      itemRow: /^(\d{1,3}) di\s*:\s*/i,
      seller: /venduto da\s*:?\s*(.+?)(?:\s*\(profilo del venditore\)|\s*condizione\s*:|$)/i,
    },
  },
  es: {
    months: [
      'enero',
      'febrero',
      'marzo',
      'abril',
      'mayo',
      'junio',
      'julio',
      'agosto',
      'septiembre',
      'octubre',
      'noviembre',
      'diciembre',
    ],
    weekdays: ['domingo', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado'],
    relative: { hoy: 0, manana: 1, ayer: -1 },
    phrases: [
      [/^(pedido )?(cancelad[oa]|anulad[oa])\b|\bha sido cancelad[oa]\b/, 'cancelled'],
      [/^devolucion (completada|recibida|iniciada|en curso)\b|^reembolsad[oa]\b|^reembolso (emitido|realizado)/, 'returned'],
      [/^en reparto\b|^salio para (la )?entrega\b|^en camino para (su )?entrega\b/, 'out_for_delivery'],
      [/^entregad[oa]\b|^tu paquete se ha entregado|^el paquete se (ha )?(entregado|dejado)/, 'delivered'],
      [/^listo para (recoger|recogida)\b|^disponible para (recoger|recogida)\b/, 'available_for_pickup'],
      [/^intento de entrega\b|^entrega fallida\b/, 'attempt_failed'],
      [/^con retraso\b|^retrasad[oa]\b|^entrega retrasada\b/, 'late'],
      [/^(paquete )?(perdido|danado)\b|^no se puede entregar\b/, 'exception'],
      [/^(ahora )?(llega|llegada|llegara|entrega( prevista| estimada)?|previst[oa]|fecha de entrega estimada)\b/, 'arriving'],
      [/^(enviad[oa]|en transito|en camino)\b/, 'shipped'],
      [/^(etiqueta creada|informacion de envio)/, 'info_received'],
      [/^(aun|todavia) no (se ha )?enviado\b|^pendiente de envio\b|^preparando\b|^pedido realizado\b/, 'pending'],
      [/^comprado en\b/, 'in_store'],
      [/^enviad[oa]$/, 'gift_sent'],
    ],
    filler: new Set(['de', 'del', 'el', 'la', 'y', 'entre', '-', 'a', 'las', 'antes', 'al', 'hasta']),
    placedLabels: /^(pedido realizado|fecha del pedido|pedido el|comprado)\b/,
    totalLabels: /^(total|importe total)\b/,
    grandTotal: /^(importe total|total del pedido|total \(iva incluido\))\b/,
    soldBy: /^vendido por:?\s*/i,
    summary: {
      title: /^amazon\.[a-z.]+ - pedido\b/,
      placed: /^(pedido realizado el|fecha del pedido)\s*:/,
      orderNumber: /^(numero de pedido( de amazon\.[a-z.]+)?)\s*:/,
      total: /^(total del pedido|importe total del pedido)\s*:/,
      grandTotal: /^(importe total|total)\s*:/,
      shipped: /^enviado el\b/,
      notShipped: /^(envio en curso|aun no enviado|preparando el envio)\b/,
      cancelled: /^pedido cancelado\b/,
      digital: /^resumen del pedido digital\b/,
      itemRow: /^(\d{1,3}) de\s*:\s*/i,
      seller: /vendido por\s*:?\s*(.+?)(?:\s*\(perfil del vendedor\)|\s*estado\s*:|$)/i,
    },
  },

  nl: {
    months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    weekdays: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
    weekdayAbbrevs: [['zo'], ['ma'], ['di'], ['wo'], ['do'], ['vr'], ['za']],
    relative: { vandaag: 0, morgen: 1, overmorgen: 2, gisteren: -1 },
    phrases: [
      [/^(bestelling )?geannuleerd\b|\bis geannuleerd\b/, 'cancelled'],
      [/^retour (voltooid|ontvangen|gestart|afgerond)\b|^terugbetaald\b|^terugbetaling (uitgevoerd|verwerkt)/, 'returned'],
      [/^wordt vandaag bezorgd\b|^onderweg voor bezorging\b|^vandaag bezorgd door\b|^in bezorging\b/, 'out_for_delivery'],
      [/^bezorgd\b|^afgeleverd\b|^je pakket is (bezorgd|afgeleverd)/, 'delivered'],
      [/^klaar om (op te halen|af te halen)\b|^(kan worden|ligt klaar om te worden) opgehaald\b|^beschikbaar om op te halen\b/, 'available_for_pickup'],
      [/^bezorgpoging\b|^bezorging (mislukt|niet gelukt)\b/, 'attempt_failed'],
      [/^vertraagd\b|^vertraging\b|^later dan verwacht\b/, 'late'],
      [/^(pakket )?(verloren|beschadigd)\b|^niet (te )?bezorgen\b/, 'exception'],
      [/^(nu )?(aankomst|arriveert|verwacht|bezorging|levering|wordt bezorgd|geschatte bezorging)\b/, 'arriving'],
      [/^(verzonden|onderweg|is verzonden)\b/, 'shipped'],
      [/^(verzendlabel aangemaakt|verzendgegevens ontvangen)/, 'info_received'],
      [/^nog niet verzonden\b|^wordt voorbereid\b|^besteld\b|^bestelling geplaatst\b/, 'pending'],
      [/^gekocht (bij|in)\b/, 'in_store'],
      [/^verzonden$/, 'gift_sent'],
    ],
    filler: new Set(['de', 'het', 'op', 'van', 'tot', 'en', 'tussen', '-', 'om', 'uiterlijk', 'voor']),
    placedLabels: /^(bestelling geplaatst|besteld op|besteldatum|gekocht)\b/,
    totalLabels: /^(totaal|totaalbedrag)\b/,
    grandTotal: /^(totaalbedrag|totaal bestelling|eindtotaal)\b/,
    soldBy: /^verkocht door:?\s*/i,
    summary: {
      title: /^amazon\.[a-z.]+ - bestelling\b/,
      placed: /^(bestelling geplaatst( op)?|besteldatum)\s*:/,
      orderNumber: /^(amazon\.[a-z.]+ )?bestelnummer\s*:/,
      total: /^(totaalbedrag bestelling|totaal bestelling)\s*:/,
      grandTotal: /^(totaalbedrag|eindtotaal)\s*:/,
      shipped: /^verzonden op\b/,
      notShipped: /^(wordt binnenkort verzonden|nog niet verzonden|wordt voorbereid)\b/,
      cancelled: /^bestelling geannuleerd\b/,
      digital: /^overzicht digitale bestelling\b/,
      itemRow: /^(\d{1,3}) van\s*:\s*/i,
      seller: /verkocht door\s*:?\s*(.+?)(?:\s*\(verkopersprofiel\)|\s*staat\s*:|$)/i,
    },
  },
  sv: {
    months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
    weekdays: ['sondag', 'mandag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lordag'],
    weekdayAbbrevs: [['son'], ['man'], ['tis'], ['ons'], ['tor'], ['fre'], ['lor']],
    // "i dag" / "i morgon" are also written as two words: the second word carries the day.
    relative: { idag: 0, imorgon: 1, igar: -1, dag: 0, morgon: 1, overmorgon: 2 },
    phrases: [
      [/^(bestallning )?(avbruten|annullerad|avbokad)\b|\bhar (avbrutits|annullerats)\b/, 'cancelled'],
      [/^retur (slutford|mottagen|startad)\b|^aterbetald\b|^aterbetalning (utford|genomford)/, 'returned'],
      [/^ute for leverans\b|^levereras idag\b|^levereras i dag\b/, 'out_for_delivery'],
      [/^levererad\b|^ditt paket (har levererats|levererades)/, 'delivered'],
      [/^(redo|klar) att hamtas\b|^kan hamtas\b|^finns att hamta\b/, 'available_for_pickup'],
      [/^leveransforsok\b|^leveransen misslyckades\b/, 'attempt_failed'],
      [/^forsenad\b|^forsening\b/, 'late'],
      [/^(paketet )?(forlorat|skadat)\b|^kan inte levereras\b/, 'exception'],
      [/^(nu )?(ankommer|anlander|beraknad leverans|leverans|levereras|forvantas)\b/, 'arriving'],
      [/^(skickad|skickat|har skickats|pa vag|under transport)\b/, 'shipped'],
      [/^(fraktsedel skapad|forsandelseinformation mottagen)/, 'info_received'],
      [/^inte skickad an\b|^forbereds\b|^bestalld\b|^bestallning (gjord|lagd)\b/, 'pending'],
      [/^kopt (i|hos)\b/, 'in_store'],
      [/^skickat$/, 'gift_sent'],
    ],
    filler: new Set(['den', 'och', 'mellan', '-', 'till', 'fran', 'kl', 'i', 'senast', 'pa']),
    placedLabels: /^(bestallning gjord|bestallningsdatum|bestalld|kopt)\b/,
    totalLabels: /^(totalt|summa)\b/,
    grandTotal: /^(totalsumma|totalt belopp|att betala)\b/,
    soldBy: /^s[aä]ljs av:?\s*/i,
    summary: {
      title: /^amazon\.[a-z.]+ - bestallning\b/,
      placed: /^(bestallning gjord|bestallningsdatum)\s*:/,
      orderNumber: /^(amazon\.[a-z.]+ )?(bestallningsnummer|ordernummer)\s*:/,
      total: /^(bestallningens totalsumma|totalt for bestallningen)\s*:/,
      grandTotal: /^(totalsumma|totalt)\s*:/,
      shipped: /^skickad den\b|^skickades\b/,
      notShipped: /^(skickas snart|inte skickad an|forbereds)\b/,
      cancelled: /^bestallningen (avbruten|annullerad)\b/,
      digital: /^sammanfattning av digital bestallning\b/,
      itemRow: /^(\d{1,3}) av\s*:\s*/i,
      seller: /s[aä]ljs av\s*:?\s*(.+?)(?:\s*\(s[aä]ljarprofil\)|\s*skick\s*:|$)/i,
    },
  },
  pl: {
    // Dates print the month in the genitive ("2 listopada 2024").
    months: ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'wrzesnia', 'pazdziernika', 'listopada', 'grudnia'],
    weekdays: ['niedziela', 'poniedziałek', 'wtorek', 'sroda', 'czwartek', 'piatek', 'sobota'],
    weekdayAbbrevs: [['niedziele', 'niedz'], ['pon'], ['wt'], ['srode', 'sr'], ['czw'], ['pt'], ['sobote', 'sob']],
    relative: { dzisiaj: 0, dzis: 0, jutro: 1, pojutrze: 2, wczoraj: -1 },
    phrases: [
      [/^(zamowienie )?anulowan[eoa]\b|\bzostało anulowane\b/, 'cancelled'],
      [/^zwrot (zakonczony|otrzymany|rozpoczety)\b|^zwrocono (pieniadze|srodki)\b|^zwrot pieniedzy\b/, 'returned'],
      [/^w doreczeniu\b|^wydan[ae] do doreczenia\b|^dostawa dzisiaj\b|^doreczenie dzisiaj\b|^kurier w drodze\b/, 'out_for_delivery'],
      [/^dostarczon[oea]\b|^doreczon[oea]\b|^twoja paczka została (dostarczona|doreczona)/, 'delivered'],
      [/^gotow[ae] do odbioru\b|^do odbioru\b|^czeka na odbior\b/, 'available_for_pickup'],
      [/^proba doreczenia\b|^nieudana proba doreczenia\b/, 'attempt_failed'],
      [/^opoznion[ae]\b|^opoznienie\b/, 'late'],
      [/^(paczka )?(zagubiona|uszkodzona)\b|^nie mozna doreczyc\b/, 'exception'],
      [/^(teraz )?(przyjazd|dostawa|przewidywana dostawa|oczekiwana dostawa|doreczenie|dotrze|oczekiwane)\b/, 'arriving'],
      [/^(wysłan[eoa]|nadan[ea]|w drodze|w transporcie)\b/, 'shipped'],
      [/^(utworzono etykiete|otrzymano dane przesyłki)/, 'info_received'],
      [/^jeszcze nie wysłan[eoa]\b|^w przygotowaniu\b|^zamowion[eoa]\b|^zamowienie złozone\b/, 'pending'],
      [/^kupion[eoa] w\b/, 'in_store'],
      [/^wysłan[ea]$/, 'gift_sent'],
    ],
    filler: new Set(['r', 'roku', 'i', '-', 'do', 'od', 'miedzy', 'o', 'w', 'najpozniej']),
    placedLabels: /^(zamowienie złozone|data zamowienia|zamowiono|kupiono)\b/,
    totalLabels: /^(suma|razem|łacznie)\b/,
    grandTotal: /^(suma zamowienia|łaczna kwota|do zapłaty)\b/,
    soldBy: /^(sprzedawca|sprzedawane przez|sprzedane przez):?\s*/i,
    summary: {
      title: /^amazon\.[a-z.]+ - zamowienie\b/,
      placed: /^(zamowienie złozone|data zamowienia)\s*:/,
      orderNumber: /^(amazon\.[a-z.]+ )?numer zamowienia\s*:/,
      total: /^(suma zamowienia|wartosc zamowienia)\s*:/,
      grandTotal: /^(łaczna kwota|suma całkowita|do zapłaty)\s*:/,
      shipped: /^wysłano\b/,
      notShipped: /^(wkrotce wysyłka|jeszcze nie wysłano|w przygotowaniu)\b/,
      cancelled: /^zamowienie anulowane\b/,
      digital: /^podsumowanie zamowienia cyfrowego\b/,
      itemRow: /^(\d{1,3}) z\s*:\s*/i,
      seller: /(?:sprzedawca|sprzedane przez)\s*:?\s*(.+?)(?:\s*\(profil sprzedawcy\)|\s*stan\s*:|$)/i,
    },
  },
  ja: {
    // Japanese dates ("2024年11月2日", "11月5日(火)") are rewritten before reading (status-text japaneseDates):
    // the month becomes one token "tsuki<N>", weekdays stand apart, parenthesised weekday marks are dropped.
    months: ['tsuki1', 'tsuki2', 'tsuki3', 'tsuki4', 'tsuki5', 'tsuki6', 'tsuki7', 'tsuki8', 'tsuki9', 'tsuki10', 'tsuki11', 'tsuki12'],
    weekdays: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'],
    relative: { 今日: 0, 本日: 0, 明日: 1, 明後日: 2, 昨日: -1 },
    // Japanese puts the date first ("11月5日にお届け予定"): these patterns are not anchored; more specific first.
    phrases: [
      [/キャンセル/, 'cancelled'],
      [/返品(完了|済み|受付)|返金(済み|完了)/, 'returned'],
      [/本日(お届け|配達)予定|配達中|配送中です|お届け中/, 'out_for_delivery'],
      [/配達(済み|完了|しました)|お届け(済み|しました)|配達されました/, 'delivered'],
      [/受(け)?取(り)?可能|受け取り準備完了|お受け取りいただけます/, 'available_for_pickup'],
      [/配達(を試みました|できませんでした)|不在/, 'attempt_failed'],
      [/遅延|遅れ/, 'late'],
      [/紛失|破損|配達不能/, 'exception'],
      [/お届け予定|到着予定|配達予定|お届け日/, 'arriving'],
      [/発送(済み|しました|されました)|出荷(済み|しました)|輸送中|配送中/, 'shipped'],
      [/配送ラベル作成/, 'info_received'],
      [/未発送|発送準備中|出荷準備中|注文(済み|確定)/, 'pending'],
      [/店舗で購入/, 'in_store'],
      [/^送信済み$/, 'gift_sent'],
    ],
    filler: new Set(['-', 'に', 'まで', 'から', '〜', '~']),
    placedLabels: /^(注文日|ご注文日|注文確定日)/,
    totalLabels: /^(合計|注文合計|ご請求額)/,
    grandTotal: /^(ご請求額|注文合計|総合計)/,
    soldBy: /^(販売|販売元|出品者)\s*[:：]?\s*/i,
    summary: {
      title: /^amazon\.co\.jp\s*-?\s*(注文|ご注文)/,
      placed: /^(注文日|ご注文日)\s*[:：]/,
      orderNumber: /^(amazon\.co\.jp\s*)?(注文番号|ご注文番号)\s*[:：]/,
      total: /^(注文合計|ご注文合計)\s*[:：]/,
      grandTotal: /^(ご請求額|総合計)\s*[:：]/,
      shipped: /^(発送済み|発送日)\s*[:：]?/,
      notShipped: /^(まもなく発送|未発送|発送準備中)/,
      cancelled: /^(ご注文はキャンセルされました|注文キャンセル)/,
      digital: /^デジタル注文の概要/,
      itemRow: /^(\d{1,3})\s*点\s*[:：]?\s*/,
      seller: /(?:販売|販売元|出品者)\s*[:：]\s*(.+?)(?:\s*\(出品者のプロフィール\)|\s*コンディション\s*[:：]|$)/,
    },
  },
  pt: {
    months: ['janeiro', 'fevereiro', 'marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
    weekdays: ['domingo', 'segunda-feira', 'terca-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sabado'],
    weekdayAbbrevs: [['dom'], ['segunda', 'seg'], ['terca', 'ter'], ['quarta', 'qua'], ['quinta', 'qui'], ['sexta', 'sex'], ['sab']],
    relative: { hoje: 0, amanha: 1, ontem: -1 },
    phrases: [
      [/^(pedido )?cancelad[oa]\b|\bfoi cancelad[oa]\b/, 'cancelled'],
      [/^devolucao (concluida|recebida|iniciada|em andamento)\b|^reembolsad[oa]\b|^reembolso (emitido|realizado|efetuado)/, 'returned'],
      [/^saiu para (a )?entrega\b|^em rota de entrega\b|^chega hoje\b|^sera entregue hoje\b/, 'out_for_delivery'],
      [/^entregue\b|^seu pacote foi entregue|^o pacote foi (entregue|deixado)/, 'delivered'],
      [/^pronto para (retirada|retirar)\b|^disponivel para retirada\b/, 'available_for_pickup'],
      [/^tentativa de entrega\b|^entrega nao realizada\b/, 'attempt_failed'],
      [/^atrasad[oa]\b|^entrega atrasada\b|^com atraso\b/, 'late'],
      [/^(pacote )?(extraviado|danificado)\b|^nao pode ser entregue\b/, 'exception'],
      [/^(agora )?(chegara|chega|chegando|previsao de entrega|entrega prevista|data prevista|previst[oa])\b/, 'arriving'],
      [/^(enviad[oa]|em transito|a caminho|despachad[oa])\b/, 'shipped'],
      [/^(etiqueta criada|informacoes de envio recebidas)/, 'info_received'],
      [/^ainda nao enviad[oa]\b|^preparando (para envio|o envio)\b|^pedido (realizado|feito)\b/, 'pending'],
      [/^comprado em\b/, 'in_store'],
      [/^enviad[oa]$/, 'gift_sent'],
    ],
    filler: new Set(['de', 'do', 'da', 'a', 'e', 'entre', '-', 'ate', 'as', 'em', 'o']),
    placedLabels: /^(pedido realizado|data do pedido|pedido feito|comprado)\b/,
    totalLabels: /^(total)\b/,
    grandTotal: /^(total do pedido|valor total|total geral)\b/,
    soldBy: /^vendido por:?\s*/i,
    summary: {
      title: /^amazon\.com\.br - pedido\b/,
      placed: /^(pedido realizado em|data do pedido)\s*:/,
      orderNumber: /^(numero do pedido( amazon\.com\.br)?)\s*:/,
      total: /^(total do pedido|valor do pedido)\s*:/,
      grandTotal: /^(valor total|total geral)\s*:/,
      shipped: /^enviado em\b/,
      notShipped: /^(enviando agora|ainda nao enviado|preparando para envio)\b/,
      cancelled: /^pedido cancelado\b/,
      digital: /^resumo do pedido digital\b/,
      itemRow: /^(\d{1,3}) de\s*:\s*/i,
      seller: /vendido por\s*:?\s*(.+?)(?:\s*\(perfil do vendedor\)|\s*condi[cç][aã]o\s*:|$)/i, // on the printed text: accents kept
    },
  },
};

/** Lower case, accents removed, typographic quotes and dashes straightened, spaces collapsed. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    // Recompose what is left (Japanese voiced kana: "ご" must stay one character for the ja phrases).
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u202f\s]+/g, ' ')
    .trim()
    .toLowerCase();
}
