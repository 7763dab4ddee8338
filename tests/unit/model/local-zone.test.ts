import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARRIERS } from '../../../lib/carriers/registry';
import { CARRIER_HOME_COUNTRY, carrierHomeCountry, resolveLocalZone, validTimeZone } from '../../../lib/model/local-zone';
import { zoneForPlace } from '../../../lib/model/place-zone';
import { COUNTRIES } from '../../../lib/model/place-zone-data';
import { eventEpoch } from '../../../lib/model/time';

const NY = 'America/New_York';

describe('resolveLocalZone precedence (issue #19 point 4)', () => {
  it.each([
    // [location, explicitZone, carrierCountry, shopperZone, zone, basis]
    ['Berlin DE', 'Europe/Berlin', null, NY, 'Europe/Berlin', 'explicit'], // the Amazon track page's `timezone`
    ['Seattle, WA US', 'America/Chicago', 'US', NY, 'America/Chicago', 'explicit'], // the page's zone wins over the place
    ['Seattle, WA US', 'Mars/Olympus_Mons', null, NY, 'America/Los_Angeles', 'place'], // an unknown zone is ignored
    ['Seattle, WA US', '+05:00', null, NY, 'America/Los_Angeles', 'place'], // an offset is not a zone name
    ['Seattle, WA US', '', null, NY, 'America/Los_Angeles', 'place'],
    ['Leipzig, Germany', null, null, NY, 'Europe/Berlin', 'place'],
    ['Leipzig, Germany', null, 'US', NY, 'Europe/Berlin', 'place'], // the place beats the carrier's country
    ['Smalltown, DE', null, 'US', NY, NY, 'place'], // a US carrier's `DE` is Delaware
    [null, null, 'DE', NY, 'Europe/Berlin', 'carrier'], // domestic DHL Paket, no location
    ['Paketzentrum', null, 'DE', NY, 'Europe/Berlin', 'carrier'], // a location that names no place
    [null, null, 'GB', NY, 'Europe/London', 'carrier'], // Royal Mail
    [null, null, 'Deutschland', NY, 'Europe/Berlin', 'carrier'],
    [null, null, 'US', 'Europe/Paris', 'Europe/Paris', 'shopper'], // USPS: the US has no single zone
    [null, null, 'CA', 'Europe/Paris', 'Europe/Paris', 'shopper'],
    ['Seattle US', null, 'US', 'Europe/Paris', 'Europe/Paris', 'shopper'], // a city does not stand in for the state
    [null, null, null, 'Asia/Tokyo', 'Asia/Tokyo', 'shopper'],
    [null, null, 'ZZ', 'Asia/Tokyo', 'Asia/Tokyo', 'shopper'],
    [null, null, null, 'Not/AZone', 'UTC', 'shopper'], // even the shopper's zone must be a zone
  ] as Array<[string | null, string | null, string | null, string, string, string]>)(
    '%s (explicit %s, carrier %s, shopper %s) → %s by %s',
    (location, explicitZone, carrierCountry, shopperZone, zone, basis) => {
      expect(resolveLocalZone({ location }, { explicitZone, carrierCountry, shopperZone })).toEqual({ zone, basis });
    },
  );

  it('places a German DHL scan read from New York six hours earlier than the shopper’s zone would', () => {
    const event = { time: '2024-03-01T10:00:00', timeIsLocal: true, location: 'Leipzig, Germany' };
    const { zone } = resolveLocalZone(event, { carrierCountry: carrierHomeCountry('dhl', 'parcel-de'), shopperZone: NY });
    expect(zone).toBe('Europe/Berlin');
    const placed = eventEpoch(event.time, event.timeIsLocal, zone);
    const naive = eventEpoch(event.time, event.timeIsLocal, NY);
    expect(placed).toBe(Date.parse('2024-03-01T09:00:00Z'));
    expect(naive - placed).toBe(6 * 3_600_000);
  });

  it('spells an explicit zone as the tz database does', () => {
    expect(resolveLocalZone({ location: null }, { explicitZone: 'europe/berlin', shopperZone: NY }).zone).toBe('Europe/Berlin');
    expect(resolveLocalZone({ location: null }, { explicitZone: '  Asia/Tokyo ', shopperZone: NY }).zone).toBe('Asia/Tokyo');
    expect(validTimeZone('UTC')).toBe('UTC');
    expect(validTimeZone('Europe/Berlin; rm -rf')).toBeNull();
    expect(validTimeZone(undefined)).toBeNull();
  });
});

describe('carrierHomeCountry', () => {
  it('maps the carriers that scan at home to their country; multinational networks have none', () => {
    const ids = new Set(CARRIERS.map((c) => c.id));
    for (const id of ids) {
      const home = carrierHomeCountry(id);
      if (home) expect(COUNTRIES.some(([code]) => code === home), `${id} → ${home}`).toBe(true);
    }
    expect(carrierHomeCountry('royal_mail')).toBe('GB');
    expect(carrierHomeCountry('deutsche_post')).toBe('DE');
    expect(carrierHomeCountry('usps')).toBe('US');
    expect(carrierHomeCountry('ups')).toBeNull();
    expect(carrierHomeCountry('fedex')).toBeNull();
    expect(carrierHomeCountry('dhl')).toBeNull(); // DHL Express scans everywhere
    expect(carrierHomeCountry('dhl', 'parcel-de')).toBe('DE');
    expect(carrierHomeCountry('dhl', 'express')).toBeNull();
    expect(carrierHomeCountry('nope')).toBeNull();
    expect(carrierHomeCountry(null)).toBeNull();
  });
  it('lists no carrier id the registry does not know', () => {
    const ids = new Set(CARRIERS.map((c) => c.id));
    for (const id of Object.keys(CARRIER_HOME_COUNTRY)) expect(ids, id).toContain(id);
  });
});

describe('resolveLocalZone properties', () => {
  const zones = Intl.supportedValuesOf('timeZone');
  const notAZone = fc.oneof(
    fc.string(),
    fc.constantFrom('Mars/Base', '+05:00', 'GMT+5:30', 'Europe', 'Europe/', '/Berlin', 'Europe//Berlin', ' ', 'null', 'Europe/Berlin\n'),
  ).filter((s) => validTimeZone(s) === null);
  const locations = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.constantFrom('Leipzig, Germany', 'ATLANTA, GA 30301', 'Seattle US', 'SAN JOSE, CA', 'Köln', 'Wilmington, DE', 'US', 'Front Door'),
  );
  const countries = fc.option(fc.oneof(fc.constantFrom(...COUNTRIES.map(([code]) => code), 'Germany', 'UK'), fc.string()));
  const shoppers = fc.oneof(fc.constantFrom(...zones), notAZone);

  it('always answers with a zone Intl knows', () => {
    fc.assert(
      fc.property(locations, fc.option(fc.oneof(fc.constantFrom(...zones), notAZone)), countries, shoppers, (location, explicitZone, carrierCountry, shopperZone) => {
        const { zone } = resolveLocalZone({ location }, { explicitZone, carrierCountry, shopperZone });
        expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone })).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('lets a valid explicit zone win, whatever else is known', () => {
    fc.assert(
      fc.property(locations, fc.constantFrom(...zones), countries, shoppers, (location, explicitZone, carrierCountry, shopperZone) => {
        const r = resolveLocalZone({ location }, { explicitZone, carrierCountry, shopperZone });
        expect(r.basis).toBe('explicit');
        expect(r.zone.toLowerCase()).toBe(explicitZone.toLowerCase());
      }),
      { numRuns: 300 },
    );
  });

  it('ignores an invalid explicit zone as if there were none', () => {
    fc.assert(
      fc.property(locations, notAZone, countries, shoppers, (location, explicitZone, carrierCountry, shopperZone) => {
        const r = resolveLocalZone({ location }, { explicitZone, carrierCountry, shopperZone });
        expect(r.basis).not.toBe('explicit');
        expect(r).toEqual(resolveLocalZone({ location }, { explicitZone: null, carrierCountry, shopperZone }));
      }),
      { numRuns: 300 },
    );
  });

  it('uses the place whenever it is known, and the shopper only when nothing else is', () => {
    fc.assert(
      fc.property(locations, countries, fc.constantFrom(...zones), (location, carrierCountry, shopperZone) => {
        const r = resolveLocalZone({ location }, { carrierCountry, shopperZone });
        const place = zoneForPlace(location, { country: carrierCountry });
        if (place) expect(r).toEqual({ zone: place.zone, basis: 'place' });
        else if (r.basis === 'shopper') expect(r.zone).toBe(shopperZone);
        else expect(r.basis).toBe('carrier');
      }),
      { numRuns: 300 },
    );
  });
});
