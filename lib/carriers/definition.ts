/**
 * One interface for every carrier's number formats (issue #3). Each carrier lives in
 * `lib/carriers/<id>/index.ts` and exports a {@link CarrierDefinition}; `registry.ts` lists them.
 * Definitions are our own, written from the tracking_number_data format reference (MIT) and the
 * carriers' published label specifications; nothing is loaded at run time.
 */
import type { CheckDigitSpec } from '../check-digits/verify-check-digit';

/** Named groups a format's pattern may capture. */
export interface FormatGroups {
  /** What the check digit is computed over. */
  serial?: string;
  /** The check character. */
  check?: string;
  [name: string]: string | undefined;
}

export interface FormatDefinition {
  /** Lower snake case, unique across the registry (`fedex_12`, `ups_1z`). */
  id: string;
  /** Human name of the service or number kind. */
  service: string;
  /**
   * Anchored pattern over the normalised number (upper case, no spaces or hyphens).
   * Named groups `serial` and `check` feed {@link checkDigit}.
   */
  pattern: RegExp;
  /** Every length the pattern can match (for dispatch without running every pattern). */
  lengths: readonly number[];
  /** Check-digit algorithm, or null when the format has none (its confidence is then lower). */
  checkDigit: CheckDigitSpec | null;
  /** Digits the carrier puts in front of the serial before computing the check digit (OnTrac `4`, USPS `91`). */
  serialPrefix?: (groups: FormatGroups) => string;
  /** Extra rule after the pattern and check digit (a country code that must exist, a reserved range). */
  accept?: (groups: FormatGroups, number: string) => boolean;
  /**
   * Confidence 0..1 of a bare number of this format in plain text with a good check digit and no
   * context: how rarely a random token looks like it. A 1Z with check digit is ~0.95; a bare
   * 12-digit mod-11 number is ~0.3 (below the default threshold).
   */
  strength: number;
  /**
   * True for formats so generic (any 11 or 14 digits, no check digit) that a number is taken only
   * when the carrier is named by the context: a carrier hint, its name nearby, a link to its site.
   */
  contextOnly?: boolean;
  /** More precise service name from the number itself (UPS service code, USPS service type). */
  serviceFor?: (groups: FormatGroups) => string | null;
  /** The number the carrier tracks, when the printed one carries extra routing data (USPS `420` + ZIP). */
  canonical?: (groups: FormatGroups, number: string) => string;
  /**
   * Formats (`carrier:format` or `carrier`) that legitimately accept the same numbers; the
   * registry test allows these overlaps and no others.
   */
  overlaps?: readonly string[];
  /** Numbers this format must accept and numbers it must reject (normalised or printed). */
  examples: { valid: readonly string[]; invalid: readonly string[] };
}

export interface CarrierDefinition {
  /** Lower snake case carrier id (`ups`, `royal_mail`, `demo`). */
  id: string;
  name: string;
  /** The carrier's own tracking page for a number, or null when it has none we can link to. */
  trackingUrl: (number: string) => string | null;
  /** Hosts (and their subdomains) whose links carry this carrier's tracking numbers. */
  trackingHosts: readonly string[];
  /** Words that name the carrier in page or e-mail text (matched case-insensitively on word boundaries). */
  keywords: readonly string[];
  /** E-mail sender domains of the carrier's own notifications. */
  senderDomains?: readonly string[];
  formats: readonly FormatDefinition[];
}

/** `template` with `%s` replaced by the URL-encoded number. */
export function urlTemplate(template: string): (number: string) => string {
  return (number) => template.replace('%s', encodeURIComponent(number));
}

/**
 * ISO 3166-1 alpha-2 codes of UPU member countries and territories that issue S10 numbers
 * (from the UPU list as given in the tracking_number_data s10 reference).
 */
export const S10_COUNTRIES: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AR AT AU AW AZ BA BB BD BE BF BG BH BI BJ BM BN BO BQ BR BS BT BW BY BZ CA CD CF CG CH CI ' +
    'CL CM CN CO CR CU CV CW CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FK FO FR GA GB GD GE GH GI GL GM GN GQ GR ' +
    'GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT ' +
    'LU LV LY MA MC MD ME MG MK ML MM MN MO MR MS MT MU MV MW MX MY MZ NA NC NE NG NI NL NO NP NR NZ OM PA PE PF PG PH ' +
    'PK PL PT PY QA RO RS RU RW SA SB SC SD SE SG SH SI SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH TJ TL TM TN TO ' +
    'TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VN VU WS YE ZA ZM ZW'
  ).split(' '),
);

/**
 * UPU S10 service indicator first letters in use (E EMS, C parcels, R registered, L/M/U/V/H/Q
 * letter-post variants, B/G/S bilateral). `A`, `D`–`K` other than those are not issued.
 */
const S10_SERVICE_FIRST = 'BCEGHLMNPQRSUV';

/**
 * UPU S10 format for the postal operators of `countries` (two letters, eight digits, mod-11 check,
 * ISO country). Spec: UPU S10 standard; tracking_number_data couriers/s10.json.
 */
export function s10Format(id: string, service: string, countries: readonly string[] | 'other', strength = 0.85): FormatDefinition {
  const country =
    countries === 'other' ? (c: string) => S10_COUNTRIES.has(c) && !S10_ASSIGNED.has(c) : (c: string) => countries.includes(c);
  const example = (cc: string) => [`RB123456785${cc}`, `EE123456785${cc}`];
  const first = countries === 'other' ? 'CV' : countries[0]!;
  return {
    id,
    service,
    pattern: /^(?<svc>[A-Z]{2})(?<serial>\d{8})(?<check>\d)(?<country>[A-Z]{2})$/,
    lengths: [13],
    checkDigit: { algorithm: 's10' },
    accept: (g) => S10_SERVICE_FIRST.includes(g.svc![0]!) && country(g.country!),
    strength,
    serviceFor: (g) => s10ServiceName(g.svc!),
    overlaps: ['dhl:dhl_ecommerce'],
    examples: { valid: example(first), invalid: [`RB123456784${first}`, 'RB123456785XX', `AB123456785${first}`] },
  };
}

/** Country codes that a named operator in the registry claims (filled by {@link claimS10Countries}). */
const S10_ASSIGNED = new Set<string>();

/** Records that `countries` have their own operator, so the catch-all `upu` carrier leaves them alone. */
export function claimS10Countries(countries: readonly string[]): readonly string[] {
  for (const c of countries) S10_ASSIGNED.add(c);
  return countries;
}

function s10ServiceName(svc: string): string {
  switch (svc[0]) {
    case 'E':
      return 'EMS';
    case 'C':
      return 'Parcel post';
    case 'R':
      return 'Registered mail';
    case 'V':
      return 'Insured mail';
    case 'L':
      return 'Letter post express';
    case 'U':
      return 'Letter post (untracked)';
    default:
      return 'International mail';
  }
}
