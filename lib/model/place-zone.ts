/**
 * The IANA time zone of a carrier's or a page's place string (issue #19 point 4): a local-only event time
 * belongs to the zone of the place where it happened, not to the shopper's.
 *
 * {@link zoneForPlace} reads the shapes the sources print — `ATLANTA, GA, US`, `ATLANTA, GA 30301`,
 * `AUSTIN, TX, 78745, US`, `New York, NY, United States`, `Seattle, WA US`, `Hamburg, Germany`,
 * `LEIPZIG - GERMANY`, `COLOGNE, NW, DE`, `DE-20095 Hamburg`, `Shanghai, CN`, `SHENZHEN CN`, `Köln`,
 * `AMSTERDAM - NETHERLANDS, THE`, `LOS ANGELES CA INTERNATIONAL DISTRIBUTION CENTER` — and answers
 * only when the place is clear:
 * - a single-zone country decides (`basis: 'country'`);
 * - a multi-zone country (US, CA, AU, MX, BR, RU, ID, …) needs its state or province, stated or given by
 *   the postcode (`basis: 'state'`; a split state's ZIP, FSA or postcode picks the side); `Seattle US` is null;
 * - a city alone places an event only in a single-zone country (`Köln`, `SHENZHEN`: `basis: 'city'`),
 *   and a known city picks the zone where its region is split (`Reynosa, Tamaulipas`, `Evansville, IN`);
 * - a two-letter code that is both a US state and a country (`DE`, `CA`, `IN`, `GA`, `PA`…), or a region
 *   in two countries (`NL`, `SK`, `NT`), is decided by, in order: the ZIP/postcode beside it, a known city
 *   (`Leipzig, DE`, `LOS ANGELES, CA`, `Perth, WA`), the caller's country hint, a complete list of the
 *   smaller side's places (Delaware for `DE`, the Vatican for `VA`, Macao for `MO`); otherwise null.
 *   A code that is a US state and only a region elsewhere (`WA`: Western Australia) is the US state;
 * - anything else, or two readings with different zones, is null. Never a guess.
 *
 * Pure and cheap: tables are compiled once at load, a call is a few Map lookups over the string's
 * words, and results are memoised per (location, hint). Intl is touched once per distinct zone, to
 * hand out only zones this runtime knows.
 */
import { isTimeZone } from './time';
import {
  AU_POSTCODE,
  AU_POSTCODE_ZONE,
  AU_STATES,
  BR_STATES,
  CA_FSA,
  CA_POSTCODE_LETTER,
  CA_PROVINCES,
  CITIES,
  CLOSED_PLACE_LISTS,
  COUNTRIES,
  COUNTRY_CODE_ALIASES,
  FACILITY_WORDS,
  ID_PROVINCES,
  MX_STATES,
  POSTCODE_COUNTRY_PREFIXES,
  REGION_NAMES_ALSO_CITIES,
  type RegionRow,
  RU_REGIONS,
  US_SPLIT_ZIPS,
  US_STATES,
  US_ZIP3,
  US_ZIP5_STATE,
} from './place-zone-data';

export type PlaceBasis = 'state' | 'country' | 'city';

export interface PlaceZone {
  /** IANA zone name, known to this runtime's Intl. */
  zone: string;
  /** What decided it: the state/province (or a postcode within it), a single-zone country, or a city. */
  basis: PlaceBasis;
}

export interface PlaceHints {
  /**
   * The country the source speaks for (the carrier's home country, a domestic service's country): ISO
   * 3166-1 alpha-2 or a name. It only settles codes that could be two things (`Dover, DE`) and lets a
   * bare ZIP/postcode name a US state, Canadian province or Australian state; it is never an answer by itself.
   */
  country?: string | null;
}

// ───────────────────────────── normalisation ─────────────────────────────

const FOLD: Readonly<Record<string, string>> = { ß: 'ss', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ı: 'i', þ: 'th' };

/** Lower case, no accents, `ß` → `ss`, punctuation → spaces (`St. John's` → `st johns`, `U.S.A.` → `usa`). */
function foldPlace(s: string): string {
  return s
    .replace(/[ßøØæÆœŒłŁđĐıþ]/g, (c) => FOLD[c]!)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`´.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The keys a table name is found under: folded, and with German umlauts spelled out (`Köln` → `koln`, `koeln`). */
function keysOf(name: string): string[] {
  const plain = foldPlace(name);
  const spelled = foldPlace(name.replace(/[äÄ]/g, 'ae').replace(/[öÖ]/g, 'oe').replace(/[üÜ]/g, 'ue'));
  return spelled === plain ? [plain] : [plain, spelled];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

// ───────────────────────────── compiled tables ─────────────────────────────

interface Region {
  country: string;
  code: string;
  zone: string | null;
  /** Codes of BR/MX/ID/RU regions collide with everything: read only when the country is known. */
  needsCountry: boolean;
}

interface City {
  country: string;
  zone: string;
  region: string | null;
}

const countryZones = new Map<string, string | null>();
const countryByCode = new Map<string, string>();
const countryByName = new Map<string, string[]>();
for (const [code, zone, names] of COUNTRIES) {
  countryZones.set(code, zone);
  countryByCode.set(code.toLowerCase(), code);
  for (const name of names.split('|')) for (const k of keysOf(name)) push(countryByName, k, code);
}
for (const [alias, code] of Object.entries(COUNTRY_CODE_ALIASES)) countryByCode.set(alias.toLowerCase(), code);

const regionByCode = new Map<string, Region[]>();
const regionByName = new Map<string, Region[]>();
const regionsOf = new Map<string, Map<string, Region>>();
function addRegions(country: string, rows: readonly RegionRow[], codesNeedCountry: boolean): void {
  const own = new Map<string, Region>();
  regionsOf.set(country, own);
  for (const [codes, zone, names] of rows) {
    const all = codes.split('|');
    const region: Region = { country, code: all[0]!, zone, needsCountry: codesNeedCountry };
    for (const c of all) {
      own.set(c, region);
      push(regionByCode, foldPlace(c), region);
    }
    for (const name of names.split('|')) for (const k of keysOf(name)) push(regionByName, k, region);
  }
}
addRegions('US', US_STATES, false);
addRegions('CA', CA_PROVINCES, false);
addRegions('AU', AU_STATES, false);
addRegions('MX', MX_STATES, true);
addRegions('BR', BR_STATES, true);
addRegions('ID', ID_PROVINCES, true);
addRegions('RU', RU_REGIONS, true);
const alsoCities = new Set(REGION_NAMES_ALSO_CITIES.map(foldPlace));

const cityByName = new Map<string, City[]>();
for (const [country, zone, names, region] of CITIES) {
  const city: City = { country, zone: zone ?? countryZones.get(country) ?? '', region: region ?? null };
  for (const name of names.split('|')) for (const k of keysOf(name)) push(cityByName, k, city);
}

interface Range {
  from: number;
  to: number;
  value: string;
}
function ranges(spec: string): Range[] {
  return spec.split('|').map((part) => {
    const [span, value] = part.split(' ') as [string, string];
    const [from, to] = span.split('-');
    return { from: Number(from), to: Number(to ?? from), value };
  });
}
function inRanges(list: readonly Range[], n: number): string | null {
  for (const r of list) if (n >= r.from && n <= r.to) return r.value;
  return null;
}
const usZip3 = ranges(US_ZIP3);
const auPostcodes = ranges(AU_POSTCODE);
/** Split state → ZIP-prefix rules (3 digits) and single-ZIP rules (5 digits). */
const usSplit = new Map<string, { prefixes: Range[]; zips: Map<string, string> }>();
for (const [state, spec] of Object.entries(US_SPLIT_ZIPS)) {
  const prefixes: Range[] = [];
  const zips = new Map<string, string>();
  for (const part of spec.split('|')) {
    const [span, zone] = part.split(' ') as [string, string];
    if (span.length === 5) zips.set(span, zone);
    else prefixes.push(...ranges(part));
  }
  usSplit.set(state, { prefixes, zips });
}
const closedLists = new Map<string, { country: string; state: string; side: 'state' | 'country'; names: Set<string> }>();
for (const [code, list] of Object.entries(CLOSED_PLACE_LISTS)) {
  closedLists.set(code.toLowerCase(), { ...list, names: new Set(list.names.split('|').flatMap(keysOf)) });
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FACILITY_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...FACILITY_WORDS].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
const SEGMENT_SPLIT = /\s*[,;|]\s*|\s+[-–—]+\s+/;
/** `Korea, Republic of`, `Netherlands, The`, `Taiwan, Province of China`: a trailing part that belongs to the name before it. */
const QUALIFIER =
  /^(?:the|sar|province of china|(?:the )?(?:former yugoslav |democratic peoples |democratic |islamic |united |federated |plurinational |bolivarian |federal )?(?:republic|state|states) of(?: the)?)$/;
const US_ZIP = /^(\d{5})(?:-\d{4})?$/;
const CA_POSTCODE = /^([A-Za-z]\d[A-Za-z])(?:\d[A-Za-z]\d)?$/;
const CA_LDU = /^\d[A-Za-z]\d$/;
const DIGITS = /^\d{4,6}(?:-\d{3,4})?$/;
const PREFIXED_POSTCODE = /^([A-Za-z]{1,3})-(\d{4,5})$/;
const CODE = /^[A-Za-z]{2,3}$/;

// ───────────────────────────── parsing ─────────────────────────────

interface Word {
  raw: string;
  key: string;
  seg: number;
  /** Written in parentheses. */
  paren: boolean;
}

interface Match {
  start: number;
  end: number;
  key: string;
  isCode: boolean;
  wholeSegment: boolean;
  countries: string[];
  regions: Region[];
}

interface Reading {
  country: string;
  region: Region | null;
  /** Read from a two- or three-letter code (`MI`, `DE`), which a known city may contradict (`Milano MI`). */
  viaCode?: boolean;
}

interface Parsed {
  readings: Reading[];
  /** The two-letter code the readings came from, when ambiguous (for the closed place lists). */
  code: string | null;
  postcodes: string[];
  cities: City[];
  cityKey: string | null;
}

/** Marks a word that stood in parentheses: `Milano (MI)` is an Italian province code, not Michigan. */
const PAREN = '\u2983';

function words(location: string): Word[] {
  let s = location
    .normalize('NFC')
    .replace(/\(([^()]*)\)/g, (_, inner: string) => ` ${inner.split(/\s+/).filter(Boolean).map((w) => PAREN + w).join(' ')} `)
    .replace(/[()[\]{}]/g, ' ')
    .replace(FACILITY_RE, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  const segs = s
    .split(SEGMENT_SPLIT)
    .map((x) => x.trim())
    .filter((x) => foldPlace(x).length > 0);
  // A trailing qualifier joins the name before it ("republic of korea"); a trailing "the" is dropped.
  while (segs.length >= 2) {
    const last = foldPlace(segs[segs.length - 1]!);
    if (!QUALIFIER.test(last)) break;
    segs.pop();
    const prev = segs.pop()!;
    segs.push(last === 'the' ? prev : last === 'sar' ? `${prev} SAR` : `${last.replace(/^the /, '')} ${prev}`);
  }
  const out: Word[] = [];
  segs.forEach((seg, i) => {
    for (const word of seg.split(' ')) {
      const paren = word.includes(PAREN);
      const raw = paren ? word.replaceAll(PAREN, '') : word;
      const key = foldPlace(raw);
      if (key) out.push({ raw, key, seg: i, paren });
    }
  });
  return out;
}

function isPostcodeWord(w: Word): boolean {
  return US_ZIP.test(w.raw) || DIGITS.test(w.raw) || CA_POSTCODE.test(w.raw) || CA_LDU.test(w.raw);
}

/** The longest country or region phrase that ends at `end` (exclusive), inside one segment. */
function phraseAt(ws: readonly Word[], end: number): Match | null {
  if (end <= 0) return null;
  const seg = ws[end - 1]!.seg;
  let first = end - 1;
  while (first > 0 && ws[first - 1]!.seg === seg && end - first < 8) first--;
  const segStart = (() => {
    let i = end - 1;
    while (i > 0 && ws[i - 1]!.seg === seg) i--;
    return i;
  })();
  const segEnd = (() => {
    let i = end;
    while (i < ws.length && ws[i]!.seg === seg) i++;
    return i;
  })();
  for (let a = first; a < end; a++) {
    const single = end - a === 1 ? ws[a]! : null;
    const bare = single ? single.raw.replace(/\./g, '') : '';
    const isCode = !!single && CODE.test(bare);
    // A code inside running words must be written as one: `Seattle US`, `SHENZHEN CN`, not `Frankfurt am`.
    if (isCode && a > segStart && bare !== bare.toUpperCase()) continue;
    const key = ws
      .slice(a, end)
      .map((w) => w.key)
      .join(' ');
    const countries = [...(countryByName.get(key) ?? [])];
    // A code in parentheses is a province's (`Milano (MI)`, `Como (CO)`, `Mumbai (MH)`), never a country's or a state's.
    const asCode = isCode && !single.paren;
    const byCode = asCode ? countryByCode.get(key) : undefined;
    if (byCode && !countries.includes(byCode)) countries.unshift(byCode);
    // Region codes run to 4–6 letters in Mexico (`CHIS`, `CDMX`, `TAMPS`): any single word is tried.
    const regions = [...(single && !single.paren ? (regionByCode.get(key) ?? []) : []), ...(regionByName.get(key) ?? [])];
    if (countries.length || regions.length) {
      return { start: a, end, key, isCode: asCode, wholeSegment: a === segStart && end === segEnd, countries, regions };
    }
  }
  return null;
}

/** Whether `region` matched `m` only as a code (so a BR/MX/ID/RU region needs its country known). */
function byCodeOnly(m: Match, region: Region): boolean {
  return !(regionByName.get(m.key) ?? []).includes(region);
}

function cityEntries(ws: readonly Word[], end: number): { key: string | null; cities: City[] } {
  // The parts before the region/country, nearest first (`327 Congress Ave, AUSTIN` → AUSTIN); digits
  // (postcodes, districts: `Paris 11`) and a trailing short code are dropped, and `Hamburg-Altona`,
  // `Bernau OT Schönow` are also tried as their first part.
  const bySeg: Word[][] = [];
  for (let i = 0; i < end; i++) {
    const w = ws[i]!;
    if (/\d/.test(w.raw)) continue;
    const last = bySeg[bySeg.length - 1];
    if (last && last[0]!.seg === w.seg) last.push(w);
    else bySeg.push([w]);
  }
  const nearest = bySeg[bySeg.length - 1];
  const key = nearest ? nearest.map((w) => w.key).join(' ') : null;
  for (let s = bySeg.length - 1; s >= 0; s--) {
    const list = bySeg[s]!;
    const all = list.map((w) => w.key);
    const tries = [all.join(' ')];
    const lastWord = list[list.length - 1]!.raw;
    if (list.length > 1 && CODE.test(lastWord) && lastWord === lastWord.toUpperCase()) tries.push(all.slice(0, -1).join(' '));
    const ot = all.indexOf('ot');
    if (ot > 0) tries.push(all.slice(0, ot).join(' '));
    if (list[0]!.raw.includes('-')) tries.push(foldPlace(list[0]!.raw.split('-')[0]!));
    for (const t of tries) {
      const hit = cityByName.get(t);
      if (hit) return { key, cities: hit };
    }
  }
  return { key, cities: [] };
}

function countryOf(hint: string | null | undefined): string | null {
  if (!hint) return null;
  const t = hint.trim();
  if (!t) return null;
  if (CODE.test(t)) {
    const c = countryByCode.get(t.toLowerCase());
    if (c) return c;
  }
  const names = countryByName.get(foldPlace(t));
  return names && names.length === 1 ? names[0]! : null;
}

function parse(location: string, hint: string | null): Parsed | null {
  const ws = words(location);
  if (ws.length === 0) return null;
  let end = ws.length;
  const postcodes: string[] = [];
  const takePostcodes = () => {
    while (end > 0 && isPostcodeWord(ws[end - 1]!)) {
      const w = ws[end - 1]!;
      // `M5V 3L9`: the second half of a Canadian postcode joins the first.
      if (CA_LDU.test(w.raw) && end > 1 && /^[A-Za-z]\d[A-Za-z]$/.test(ws[end - 2]!.raw)) {
        postcodes.unshift(`${ws[end - 2]!.raw}${w.raw}`.toUpperCase());
        end -= 2;
      } else {
        postcodes.unshift(w.raw.toUpperCase());
        end--;
      }
    }
  };
  let readings: Reading[] = [];
  let code: string | null = null;
  const hasCountry = (c: string) => c === hint;

  takePostcodes();
  const m1 = phraseAt(ws, end);
  if (m1) {
    end = m1.start;
    takePostcodes();
    const m2 = m1.countries.length ? phraseAt(ws, end) : null;
    const m2Own = m2 ? m2.regions.filter((r) => m1.countries.includes(r.country)) : [];
    const prevIsCode = (() => {
      if (!m1.wholeSegment || end === 0) return false;
      const prev = ws[end - 1]!;
      return CODE.test(prev.raw) && (end === 1 || ws[end - 2]!.seg !== prev.seg);
    })();
    const alone = m1.start === 0 && m1.end === ws.length && postcodes.length === 0;
    const m1Regions = m1.regions.filter((r) => !(r.needsCountry && byCodeOnly(m1, r)) || hasCountry(r.country));
    // `Ontario, CA`: the province Ontario in Canada, or Ontario, California? Both, when the region name opens the line.
    const twoWays = m1.countries.length > 0 && m1Regions.length > 0 && m2Own.length > 0 && !m2!.isCode && m2!.start === 0;
    if (m1.countries.length && !twoWays && (m1Regions.length === 0 || m2Own.length || prevIsCode || (alone && m1.isCode))) {
      // A country: alone, or after its own region (`Whittier, CA, US`, `Toronto, ON, CA`), or after a
      // code of its own subdivisions we do not need (`COLOGNE, NW, DE`), or a lone code (`DE`, `US`).
      let countries = m1.countries;
      let region: Region | null = null;
      if (m2Own.length) {
        region = m2Own[0]!;
        end = m2!.start;
      } else if (m2 && m2.countries.length && !m2.isCode && m2.wholeSegment && m2.regions.length === 0) {
        // `Hong Kong, China`, `Saint-Denis, Réunion, France`: the nearer country is the place.
        countries = m2.countries;
        end = m2.start;
      } else if (prevIsCode) {
        end -= 1;
      }
      readings = countries.map((country) => ({ country, region, viaCode: m1.isCode && countries === m1.countries }));
    } else if (twoWays) {
      readings = [
        ...m1.countries.map((country) => ({ country, region: m2Own[0]! })),
        ...m1Regions.map((r) => ({ country: r.country, region: r })),
      ];
      code = m1.key;
      end = 0; // no city to go by: the name is the region in one reading and the city in the other
    } else {
      const regions = alone && !m1.isCode && alsoCities.has(m1.key) ? [] : m1Regions;
      readings = [
        ...m1.countries.map((country) => ({ country, region: null, viaCode: m1.isCode })),
        ...regions.map((r) => ({ country: r.country, region: r, viaCode: m1.isCode })),
      ];
      if (m1.isCode) code = m1.key;
      if (readings.length === 0) end = m1.end; // nothing usable: the words are the place name
    }
  }
  // `DE-20095 Hamburg`, `D-20095`: a postcode before the place, with its country; `20095 Hamburg`: a
  // postcode opening the last part (an opening number elsewhere is a house number: `1600 Pennsylvania Ave, …`).
  const lastSeg = end > 0 ? ws[end - 1]!.seg : -1;
  for (let i = 0; i < end; i++) {
    const w = ws[i]!;
    const pre = PREFIXED_POSTCODE.exec(w.raw);
    const preCountry = pre ? POSTCODE_COUNTRY_PREFIXES[pre[1]!.toUpperCase()] : undefined;
    if (pre && preCountry) {
      postcodes.push(pre[2]!);
      if (readings.length === 0) readings = [{ country: preCountry, region: null }];
    } else if (w.seg === lastSeg && (i === 0 || ws[i - 1]!.seg !== w.seg) && /^\d{4,5}(?:-\d{3})?$/.test(w.raw)) {
      postcodes.push(w.raw);
    }
  }
  const { key: cityKey, cities } = cityEntries(ws, end);
  // A bare US ZIP, Canadian or Australian postcode names its region when the source is known to be there.
  if (readings.length === 0 && hint && (hint === 'US' || hint === 'CA' || hint === 'AU') && postcodes.length) {
    readings = [{ country: hint, region: null }];
  }
  return { readings, code, postcodes, cities, cityKey };
}

// ───────────────────────────── resolving ─────────────────────────────

function usStateOfZip(zip: string): string | null {
  return US_ZIP5_STATE[zip] ?? inRanges(usZip3, Number(zip.slice(0, 3)));
}

/** Region from the postcode alone, for a multi-zone country. */
function regionFromPostcode(country: string, postcodes: readonly string[]): Region | null {
  const own = regionsOf.get(country);
  if (!own) return null;
  for (const p of postcodes) {
    if (country === 'US' && US_ZIP.test(p)) {
      const state = usStateOfZip(p.slice(0, 5));
      if (state) return own.get(state) ?? null;
    } else if (country === 'CA' && CA_POSTCODE.test(p)) {
      const prov = CA_POSTCODE_LETTER[p[0]!.toUpperCase()];
      if (prov) return own.get(prov) ?? null;
      const fsa = CA_FSA[p.slice(0, 3).toUpperCase()];
      if (fsa) return { country: 'CA', code: p[0]!.toUpperCase(), zone: fsa, needsCountry: false };
    } else if (country === 'AU' && /^\d{4}$/.test(p)) {
      const state = inRanges(auPostcodes, Number(p));
      if (state) return own.get(state) ?? null;
    }
  }
  return null;
}

/** The zone a postcode gives inside a region (or a single-zone country), when it differs from the default. */
function postcodeZone(country: string, region: Region | null, postcodes: readonly string[]): string | null {
  for (const p of postcodes) {
    if (country === 'US' && region && US_ZIP.test(p)) {
      const zip = p.slice(0, 5);
      if (usStateOfZip(zip) !== region.code) continue;
      const split = usSplit.get(region.code);
      if (!split) continue;
      return split.zips.get(zip) ?? inRanges(split.prefixes, Number(zip.slice(0, 3)));
    }
    if (country === 'CA' && CA_POSTCODE.test(p)) {
      const fsa = p.slice(0, 3).toUpperCase();
      if (CA_FSA[fsa] && (!region || CA_POSTCODE_LETTER[fsa[0]!] === region.code || fsa[0] === 'X')) return CA_FSA[fsa]!;
    }
    if (country === 'AU' && /^\d{4}$/.test(p) && AU_POSTCODE_ZONE[p]) {
      if (!region || inRanges(auPostcodes, Number(p)) === region.code) return AU_POSTCODE_ZONE[p]!;
    }
    if (country === 'ES' && /^(35|38)\d{3}$/.test(p)) return 'Atlantic/Canary';
    if (country === 'PT') {
      const n = Number(p.slice(0, 4));
      if (/^\d{4}(-\d{3})?$/.test(p) && n >= 9500 && n <= 9999) return 'Atlantic/Azores';
      if (/^\d{4}(-\d{3})?$/.test(p) && n >= 9000 && n <= 9499) return 'Atlantic/Madeira';
    }
  }
  return null;
}

function resolveReading(r: Reading, p: Parsed): PlaceZone | null {
  const cz = countryZones.get(r.country);
  if (cz) {
    const pz = postcodeZone(r.country, null, p.postcodes);
    if (pz) return { zone: pz, basis: 'state' };
    const city = p.cities.find((c) => c.country === r.country);
    if (city && city.zone !== cz) return { zone: city.zone, basis: 'city' };
    return { zone: cz, basis: 'country' };
  }
  const region = r.region ?? regionFromPostcode(r.country, p.postcodes);
  if (!region) return null;
  const pz = postcodeZone(r.country, region, p.postcodes);
  if (pz) return { zone: pz, basis: 'state' };
  const city = p.cities.find((c) => c.country === r.country && c.region === region.code);
  if (city && city.zone !== region.zone) return { zone: city.zone, basis: 'city' };
  return region.zone ? { zone: region.zone, basis: 'state' } : null;
}

/**
 * How a postcode fits a reading: 2 it places it (a ZIP of that state, a postcode of that province or
 * state), 1 it is possible or says nothing, 0 it contradicts it (`DE 20095` is not Delaware, whose ZIPs are 197–199).
 */
function postcodeFit(r: Reading, postcodes: readonly string[]): 0 | 1 | 2 {
  if (postcodes.length === 0) return 1;
  const p = postcodes[0]!;
  if (r.country === 'US') {
    if (!US_ZIP.test(p)) return 0;
    return r.region ? (usStateOfZip(p.slice(0, 5)) === r.region.code ? 2 : 0) : 1;
  }
  if (r.country === 'CA') {
    if (!CA_POSTCODE.test(p)) return 0;
    const letter = p[0]!.toUpperCase();
    return r.region ? (CA_POSTCODE_LETTER[letter] === r.region.code || letter === 'X' ? 2 : 0) : 1;
  }
  if (r.country === 'AU') {
    if (!/^\d{4}$/.test(p)) return 0;
    return r.region ? (inRanges(auPostcodes, Number(p)) === r.region.code ? 2 : 0) : 1;
  }
  const digits = POSTCODE_DIGITS[r.country];
  if (digits === undefined) return 1;
  return digits > 0 && new RegExp(`^\\d{${digits}}$`).test(p) ? 1 : 0;
}
/**
 * Postcode lengths of the countries whose ISO code is also a US state (and a few more): all digits, or 0 for
 * none in digits. `DE 19901` cannot be German (5 digits would fit) but is a Delaware ZIP, so the state wins.
 */
const POSTCODE_DIGITS: Readonly<Record<string, number>> = {
  DE: 5, FR: 5, IT: 5, ES: 5, FI: 5, SE: 5, EE: 5, HR: 5, MA: 5, ID: 5, MY: 5, TH: 5, KR: 5, MX: 5, TR: 5, UA: 5, IL: 7,
  AT: 4, BE: 4, CH: 4, DK: 4, HU: 4, LU: 4, NO: 4, NZ: 4, ZA: 4, PH: 4, AL: 4, GE: 4, MD: 4, TN: 4, PA: 4, AR: 4, VA: 5,
  CN: 6, IN: 6, RU: 6, SG: 6, VN: 6, KZ: 6, CO: 6, GA: 0, KY: 0, MO: 0, MS: 0, LA: 5, SC: 0, NC: 5, NE: 4, SD: 5, AZ: 4, MN: 5,
};

/** The answer when every reading gives the same zone (`San Juan, PR`: the territory or the country), the state's first. */
function sameZone(list: readonly (PlaceZone | null)[]): PlaceZone | null {
  const first = list[0];
  if (!first || !list.every((z) => z !== null && z.zone === first.zone)) return null;
  return list.find((z) => z!.basis === 'state') ?? first;
}

function decide(p: Parsed, hint: string | null): PlaceZone | null {
  let readings = p.readings;
  if (readings.length === 0) {
    // A city alone: only a single-zone country's city places it (multi-zone countries need the region).
    const usable = p.cities.filter((c) => countryZones.get(c.country));
    const first = usable[0];
    if (!first || !usable.every((c) => c.country === first.country && c.zone === first.zone)) return null;
    return { zone: first.zone, basis: 'city' };
  }
  const fits = (c: City, r: Reading) => c.country === r.country && (r.region === null || c.region === null || c.region === r.region.code);
  // A reading from a code, with a known city of a single-zone country and none of that reading: `Milano MI`
  // is Milan, Lombardy, not Michigan; `Mumbai MH` is not the Marshall Islands. `Paris, TX` passes: Paris
  // is also listed as a Texan city. A postcode of the state or the caller's country keeps the reading.
  const contradicted = (r: Reading) =>
    r.viaCode === true &&
    postcodeFit(r, p.postcodes) !== 2 &&
    r.country !== hint &&
    p.cities.some((c) => countryZones.get(c.country)) &&
    !p.cities.some((c) => fits(c, r));
  readings = readings.filter((r) => !contradicted(r));
  if (readings.length === 0) return null;
  const narrow = (keep: (r: Reading) => boolean): PlaceZone | null | undefined => {
    const kept = readings.filter(keep);
    if (kept.length && kept.length < readings.length) readings = kept;
    if (readings.length === 1) return resolveReading(readings[0]!, p);
    return sameZone(readings.map((r) => resolveReading(r, p))) ?? undefined;
  };
  const settled = narrow(() => true);
  if (settled !== undefined) return settled;
  const steps: Array<(r: Reading) => boolean> = [
    // 1. The postcode beside the code: `ATLANTA, GA 30301` is Georgia, `DE 20095` is Germany.
    (r) => postcodeFit(r, p.postcodes) === 2,
    (r) => postcodeFit(r, p.postcodes) > 0,
    // 2. A known city: `Leipzig, DE`, `LOS ANGELES, CA`, `Perth, WA`.
    (r) => p.cities.some((c) => fits(c, r)),
    // 3. The caller's country: a US carrier's `Smalltown, DE` is Delaware, Deutsche Post's is Germany.
    (r) => hint !== null && r.country === hint,
    // 4. The smaller side's complete list of places: Delaware for `DE`, the Vatican for `VA`, Macao for `MO`.
    (r) => {
      const list = p.code ? closedLists.get(p.code) : undefined;
      if (!list) return true;
      const listed = p.cityKey !== null && list.names.has(p.cityKey);
      const stateSide = r.country === 'US' && r.region?.code === list.state;
      const countrySide = r.region === null && r.country === list.country;
      if (!stateSide && !countrySide) return false;
      return (list.side === 'state') === listed ? stateSide : countrySide;
    },
    // 5. A code that is a US state and only a region elsewhere (`WA`: Western Australia) is the US state.
    (r) => r.country === 'US' || !readings.every((o) => o.region !== null && o.region.code.toLowerCase() === p.code),
  ];
  for (const step of steps) {
    const done = narrow(step);
    if (done !== undefined) return done;
  }
  return null;
}

// ───────────────────────────── zones this runtime knows ─────────────────────────────

/** Renamed zones (2020–2022) and the older name every ICU knows. */
const OLDER_NAME: Readonly<Record<string, string>> = { 'Europe/Kyiv': 'Europe/Kiev', 'America/Nuuk': 'America/Godthab', 'America/Ciudad_Juarez': 'America/Ojinaga' };
const known = new Map<string, string | null>();
/** `zone` if this runtime's Intl knows it (or its older name), else null. Memoised: Intl is asked once per zone. */
export function knownZone(zone: string): string | null {
  let hit = known.get(zone);
  if (hit !== undefined) return hit;
  hit = null;
  for (const z of [zone, OLDER_NAME[zone]]) {
    if (z && isTimeZone(z)) {
      hit = z;
      break;
    }
  }
  if (known.size > 1000) known.clear();
  known.set(zone, hit);
  return hit;
}

// ───────────────────────────── API ─────────────────────────────

const memo = new Map<string, PlaceZone | null>();
const MEMO_MAX = 4000;

/**
 * The time zone of a carrier's or page's place string, or null when it cannot be told with confidence.
 * See the module comment for what is read and what is refused. `hints.country` only settles ambiguity.
 * Strings over 300 characters are not read (no carrier prints one).
 */
export function zoneForPlace(location: string | null | undefined, hints?: PlaceHints): PlaceZone | null {
  if (!location) return null;
  const hint = countryOf(hints?.country);
  const memoKey = `${hint ?? ''}\u0000${location}`;
  const hit = memo.get(memoKey);
  if (hit !== undefined) return hit;
  const parsed = location.length > 300 ? null : parse(location, hint);
  let result = parsed ? decide(parsed, hint) : null;
  if (result) {
    const zone = knownZone(result.zone);
    result = zone ? (zone === result.zone ? result : { ...result, zone }) : null;
  }
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(memoKey, result);
  return result;
}

/** The zone of a single-zone country (`DE` → Europe/Berlin, `GB` → Europe/London), null for multi-zone or unknown. */
export function countryZone(country: string | null | undefined): string | null {
  const code = countryOf(country);
  const zone = code ? countryZones.get(code) : null;
  return zone ? knownZone(zone) : null;
}
