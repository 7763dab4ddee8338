/**
 * Collecting a response's other numbers for a parcel (`TrackResult.relatedNumbers`, issue #10 §5).
 * Carriers' responses carry placeholders where a value is absent (the UPS portal example has
 * "string"; test systems answer "0000000000"): only what looks like a parcel number is kept.
 */
import type { RelatedNumber } from './client';

/** Upper case, without spaces and hyphens. */
export function normaliseRelated(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/** A plausible tracking number: 8 to 40 letters and digits, with a digit, not one repeated character. */
export function looksLikeNumber(n: string): boolean {
  return /^[A-Z0-9]{8,40}$/.test(n) && /\d/.test(n) && !/^(.)\1+$/.test(n);
}

/**
 * Builds a related-numbers list: plausible numbers only, never the parcel's own number, each number
 * once (the first relation given wins, so list the most specific first).
 */
export class RelatedNumbers {
  private readonly list: RelatedNumber[] = [];
  private readonly seen: Set<string>;

  constructor(own: string) {
    this.seen = new Set([normaliseRelated(own)]);
  }

  add(raw: unknown, carrier: string | null, relation: RelatedNumber['relation']): void {
    if (typeof raw !== 'string') return;
    const number = normaliseRelated(raw);
    if (!looksLikeNumber(number) || this.seen.has(number)) return;
    this.seen.add(number);
    this.list.push({ number, carrier, relation });
  }

  /** The list, or undefined when there is none (the field stays absent). */
  result(): RelatedNumber[] | undefined {
    return this.list.length ? this.list : undefined;
  }
}
