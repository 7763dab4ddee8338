/**
 * Which time zone a local-only event time (`timeIsLocal: true`, stored without offset) is read in.
 *
 * Issue #19, point 4 ("A local-only carrier or page time is placed in the shopper's zone"; the repository
 * has no remote, so issues are cited by number as elsewhere in lib/): the time belongs to the zone of the
 * place where it happened, the shopper's zone only as the last resort. A German DHL parcel read from New York is otherwise 6 h off,
 * which moves stall and recency decisions. Precedence, first that applies:
 *
 * 1. `explicit` — the source's own zone for its times (the Amazon track page's `timezone` key), when it
 *    is a zone this runtime knows; an unknown or malformed one is ignored.
 * 2. `place` — the event's location, read by {@link zoneForPlace} (with the carrier's country as hint).
 * 3. `carrier` — the carrier's home country when it has a single zone (a domestic DHL Paket or Deutsche
 *    Post event without a location → Europe/Berlin, Royal Mail → Europe/London); USPS, Canada Post,
 *    Australia Post have no single zone and fall through. Pass `carrierCountry` only for a carrier or
 *    service that scans in its own country (see {@link carrierHomeCountry}).
 * 4. `shopper` — the shopper's zone (UTC if that is not a known zone either).
 *
 * Pure: no browser API; Intl is asked once per distinct zone string (memoised).
 */
import { countryZone, knownZone, zoneForPlace } from './place-zone';

export type LocalZoneBasis = 'explicit' | 'place' | 'carrier' | 'shopper';

export interface LocalZoneContext {
  /** The source's own zone for its times (a track page's `timezone`), if it names one. */
  explicitZone?: string | null;
  /** ISO 3166-1 alpha-2 (or name) of the carrier's home country, for a carrier that scans at home. */
  carrierCountry?: string | null;
  /** The shopper's zone (the browser's), the last resort. */
  shopperZone: string;
}

export interface LocalZone {
  zone: string;
  basis: LocalZoneBasis;
}

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const canonical = new Map<string, string | null>();

/**
 * `zone` as a time zone this runtime knows, with the tz database's spelling (`europe/berlin` →
 * `Europe/Berlin`), or null for anything else (empty, an offset like `+05:00`, unknown names).
 */
export function validTimeZone(zone: string | null | undefined): string | null {
  if (typeof zone !== 'string') return null;
  const z = zone.trim();
  if (!z || z.length > 64 || !ZONE_NAME.test(z)) return null;
  let hit = canonical.get(z);
  if (hit !== undefined) return hit;
  const known = knownZone(z);
  hit = null;
  if (known) {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: known }).resolvedOptions().timeZone;
    // Intl may answer with a link's target (Europe/Kyiv → Europe/Kiev): keep the caller's name then.
    hit = resolved.toLowerCase() === known.toLowerCase() ? resolved : known;
  }
  if (canonical.size > 500) canonical.clear();
  canonical.set(z, hit);
  return hit;
}

/** The zone to read `event`'s local-only time in, and why (see the module comment for the precedence). */
export function resolveLocalZone(event: { location: string | null }, context: LocalZoneContext): LocalZone {
  const explicit = validTimeZone(context.explicitZone);
  if (explicit) return { zone: explicit, basis: 'explicit' };
  const place = zoneForPlace(event.location, { country: context.carrierCountry });
  if (place) return { zone: place.zone, basis: 'place' };
  const home = countryZone(context.carrierCountry);
  if (home) return { zone: home, basis: 'carrier' };
  return { zone: validTimeZone(context.shopperZone) ?? 'UTC', basis: 'shopper' };
}

/**
 * Home country of carriers that scan (almost) only at home, by carrier id (lib/carriers/registry.ts),
 * for `carrierCountry`. Multinational networks (UPS, FedEx, DHL Express, DPD, GLS, PostNord, Landmark,
 * YunExpress, UPU-format posts in general) have none. DHL's unified API names the service: `parcel-de`
 * and `post-de` are Deutsche Post DHL in Germany, `parcel-nl`/`-pl`/`-uk` the national parcel networks.
 * A national post's own number can still be scanned abroad by the destination post; those events carry
 * a location, which comes first.
 */
export const CARRIER_HOME_COUNTRY: Readonly<Record<string, string>> = {
  usps: 'US',
  lasership: 'US',
  ontrac: 'US',
  gofo: 'US',
  speedee: 'US',
  old_dominion: 'US',
  canada_post: 'CA',
  purolator: 'CA',
  canpar: 'CA',
  australia_post: 'AU',
  deutsche_post: 'DE',
  royal_mail: 'GB',
  evri: 'GB',
  yodel: 'GB',
  dpd_uk: 'GB',
  an_post: 'IE',
  bpost: 'BE',
  la_poste: 'FR',
  poste_italiane: 'IT',
  postnl: 'NL',
  correos: 'ES',
  poczta_polska: 'PL',
  swiss_post: 'CH',
  japan_post: 'JP',
  korea_post: 'KR',
  hongkong_post: 'HK',
  china_post: 'CN',
};
const DHL_SERVICE_HOME: Readonly<Record<string, string>> = { 'parcel-de': 'DE', 'post-de': 'DE', 'parcel-nl': 'NL', 'parcel-pl': 'PL', 'parcel-uk': 'GB' };

export function carrierHomeCountry(carrier: string | null | undefined, service?: string | null): string | null {
  if (!carrier) return null;
  if (carrier === 'dhl') return (service && DHL_SERVICE_HOME[service.toLowerCase()]) || null;
  return CARRIER_HOME_COUNTRY[carrier] ?? null;
}
