/**
 * Issue #18: numbers other trackers recognise, each from its carrier's published format (definitions and
 * their examples live beside each carrier), read in text as a shopper's e-mail or page prints them; and
 * degenerate numbers (one digit repeated) never a parcel.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, MAX_NUMBER_LENGTH, MIN_NUMBER_LENGTH } from '../../../lib/carriers/registry';
import { readEmailParts } from '../../../lib/email/read-email';
import { findTrackingNumbers } from '../../../lib/scan/find-tracking-numbers';

const found = (text: string, carrierHints?: string[]) =>
  findTrackingNumbers(text, carrierHints ? { carrierHints } : {}).map((f) => [f.trackingNumber, f.carrier, f.format]);

describe('new number formats in text (issue #18)', () => {
  it('FedEx door tag: DT + 12 digits, alone in a sentence', () => {
    expect(found('We tried to deliver: door tag DT771613423732 was left at your door.')).toEqual([['DT771613423732', 'fedex', 'fedex_door_tag']]);
  });

  it('FedEx Ground Economy 41/74: taken where FedEx is named, never as a bare 20-digit run', () => {
    expect(found('Your parcel 41999998135520738841 is on its way.')).toEqual([]);
    expect(found('FedEx Ground Economy tracking number: 41999998135520738841')).toEqual([['41999998135520738841', 'fedex', 'fedex_smartpost_41_74']]);
    expect(found('Sent with FedEx, number 7489 9992 2421 2485 5076.')).toEqual([['74899992242124855076', 'fedex', 'fedex_smartpost_41_74']]);
    expect(found('41999998135520738841', ['fedex'])).toEqual([['41999998135520738841', 'fedex', 'fedex_smartpost_41_74']]);
  });

  it('GOFO CR + 12 digits, spaced and lower case too', () => {
    // (A lower-case word standing apart, "cr 1234 …", is prose to the scanner: lower case is read joined.)
    for (const t of ['GOFO parcel CR123456789012 shipped', 'your number: CR 1234 5678 9012.', 'Tracking: cr123456789012'])
      expect(found(t)).toEqual([['CR123456789012', 'gofo', 'gofo_cr']]);
  });

  it('DPD 14 digits + check letter alone; a wrong letter is not taken', () => {
    expect(found('Paket 09980000020033F ist unterwegs')).toEqual([['09980000020033F', 'dpd', 'dpd_14_letter']]);
    expect(found('Paket 09980000020033D ist unterwegs')).toEqual([]);
  });

  it('DPD Polska: 13 digits + letter alone; the 14-digit waybill from a DPD Polska e-mail', () => {
    expect(found('Twoja paczka 1000727398456U została nadana')).toEqual([['1000727398456U', 'dpd', 'dpd_pl']]);
    expect(found('Numer przesyłki: 13490015284111')).toEqual([]);
    const r = readEmailParts({ from: 'KurierDPD10@dpd.com.pl', subject: 'Bezpieczne doręczenie', text: 'Dziś doręczamy przesyłkę 13490015284111. DPD Polska', html: null });
    expect(r.packages.map((p) => [p.trackingNumber, p.carrier])).toEqual([['13490015284111', 'dpd']]);
  });

  it('USPS: 420 + ZIP or ZIP+4 in front of the 22-digit 91 form; the carrier tracks the 22 digits', () => {
    expect(found('USPS label 420221539101026837331000039521')).toEqual([['9101026837331000039521', 'usps', 'usps_legacy_420']]);
    expect(found('USPS 420 22153 1234 9101 0268 3733 1000 0395 21 delivered')).toEqual([['9101026837331000039521', 'usps', 'usps_legacy_420']]);
    // The IMpb forms after 420 + ZIP+4 were already read; still are.
    expect(found('4201002334249200190132607600833457')).toEqual([['9200190132607600833457', 'usps', 'usps_impb_zip9']]);
  });
});

describe('degenerate numbers are never a parcel (issue #18)', () => {
  it('twenty zeros is no Poczta Polska number; a real Poczta Polska number still is', () => {
    expect(classify('00000000000000000000')).toEqual([]);
    expect(classify('00000000000000000000', { carrierHints: ['poczta_polska'], allowUnverified: true })).toEqual([]);
    expect(found('Przesyłka 00000000000000000000 w doręczeniu', ['poczta_polska'])).toEqual([]);
    expect(classify('00659007734213179811').map((c) => c.carrier)).toContain('poczta_polska');
  });

  it('property: one digit repeated, at any length and with any hint, classifies as nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: MIN_NUMBER_LENGTH, max: MAX_NUMBER_LENGTH }), fc.boolean(), (d, len, hinted) => {
        const n = String(d).repeat(len);
        const ctx = hinted ? { carrierHints: ['usps', 'fedex', 'poczta_polska', 'dhl', 'dpd', 'ups'], allowUnverified: true } : {};
        expect(classify(n, ctx)).toEqual([]);
        expect(findTrackingNumbers(`number ${n} here`, { carrierHints: ctx.carrierHints, minConfidence: 0 })).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
