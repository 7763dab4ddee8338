import { carrierName } from './carrier-name';
import type { Translate } from '../i18n/translate';
import type { ParsedInput, RejectedInput } from '../scan/parse-input';
import type { PopupQuery } from './popup-model';

/** A number in the popup's box, offered to track (issue #11 §1). Pure. */
export interface TrackOffer {
  text: string;
  number: string;
  /** Carriers it can be, best first: "UPS · UPS Ground", "GLS (if GLS carries it)". */
  candidates: { carrier: string; label: string }[];
  /** The carrier it will be tracked under (the best reading, or the shopper's choice). */
  chosen: string;
  /** A package already tracks it: the box offers to open that one instead. */
  knownId: string | null;
}

/**
 * Offers and reasons for what is in the box. `knownIds` maps numbers already tracked (any of a
 * package's numbers) to their package; `choices` holds the carrier the shopper picked per number.
 */
export function trackOffers(
  parsed: ParsedInput,
  knownIds: ReadonlyMap<string, string>,
  choices: Readonly<Record<string, string>>,
  t: Translate,
): { offers: TrackOffer[]; reasons: string[]; query: PopupQuery } {
  const offers = parsed.numbers.map((n) => {
    const candidates = n.candidates
      .filter((c, i, all) => all.findIndex((x) => x.carrier === c.carrier) === i)
      .map((c) => ({ carrier: c.carrier, label: `${carrierName(c.carrier, t)} · ${c.service}` }));
    const chosen = choices[n.number] && candidates.some((c) => c.carrier === choices[n.number]) ? choices[n.number]! : candidates[0]!.carrier;
    const tracked = n.candidates.map((c) => c.trackingNumber);
    const knownId = [n.number, ...tracked].map((x) => knownIds.get(x)).find(Boolean) ?? null;
    return { text: n.text, number: n.candidates.find((c) => c.carrier === chosen)?.trackingNumber ?? n.number, candidates, chosen, knownId };
  });
  return {
    offers,
    reasons: parsed.rejected.map((r) => rejectText(r, t)),
    // A rejected entry may still be something to find (an order number): it is searched as written.
    query: { words: [...parsed.words, ...parsed.rejected.map((r) => r.text.toLowerCase())], numbers: parsed.numbers.flatMap((n) => [n.number, ...n.candidates.map((c) => c.trackingNumber)]) },
  };
}

/**
 * Why an entry is no number, in the shopper's language: the popup's box, the context menu's
 * notification and the options page's number import all say it this way (issue #13 §2).
 */
export function rejectText(r: RejectedInput, t: Translate): string {
  switch (r.reason) {
    case 'order_number':
      return t('boxReasonOrderNumber', r.text);
    case 'repeated':
      return t('boxReasonRepeated', r.text);
    case 'check_digit':
      return t('boxReasonCheckDigit', r.text, r.carrier ?? '');
    case 'too_short':
      return t('boxReasonTooShort', r.text, r.length ?? r.text.length, r.shortest ?? 0);
    case 'too_long':
      return t('boxReasonTooLong', r.text.length > 48 ? `${r.text.slice(0, 48)}…` : r.text);
    case 'unknown_format':
      return t('boxReasonUnknown', r.text);
  }
}
