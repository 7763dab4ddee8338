/**
 * Parcel identity from the response (issue #10 §5): the number a carrier answers for names the
 * parcel; the response's other numbers are kept as related pieces, handoffs, alternates and returns.
 */
import { describe, expect, it } from 'vitest';
import { dhlClient } from '../../../lib/carriers/dhl/api-client';
import { parseDhlResponse } from '../../../lib/carriers/dhl/parse-response';
import { parseFedexResponse } from '../../../lib/carriers/fedex/parse-response';
import { parseUspsResponse } from '../../../lib/carriers/usps/parse-response';
import { parseUpsResponse } from '../../../lib/carriers/ups/parse-response';
import { looksLikeNumber, RelatedNumbers } from '../../../lib/carriers/related-numbers';
import { fixture, results } from './helpers';

describe('UPS: the shipment inquiry number is the parcel', () => {
  it('SurePost: the USPS_PIC alternate is a handoff to USPS, an untyped alternate is another UPS number', () => {
    const [r, ...rest] = results(parseUpsResponse(fixture('ups', 'track--surepost-usps-handoff.json')));
    expect(rest).toEqual([]);
    expect(r!.trackingNumber).toBe('1Z4E75R80300000006');
    expect(r!.status).toBe('in_transit');
    expect(r!.relatedNumbers).toEqual([
      { number: '92419900000033499522966220', carrier: 'usps', relation: 'handoff' },
      { number: '1ZV1W2470300123005', carrier: 'ups', relation: 'alternate' },
    ]);
  });

  it('multi-piece: the package carrying the inquiry number gives the data, the other piece is related', () => {
    const out = results(parseUpsResponse(fixture('ups', 'track--multi-piece-inquiry-is-second.json')));
    expect(out).toHaveLength(1);
    const [r] = out;
    expect(r!.trackingNumber).toBe('1Z4E75R80300002004');
    // The asked piece is on the way; the other, listed first, is delivered and must not decide.
    expect(r!.status).toBe('in_transit');
    expect(r!.deliveredAt).toBeNull();
    expect(r!.relatedNumbers).toEqual([{ number: '1Z4E75R80300001005', carrier: 'ups', relation: 'piece' }]);
  });

  it('a placeholder in the package number never names the parcel, and is not kept', () => {
    const [r] = results(parseUpsResponse(fixture('ups', 'track--placeholder-package-number.json')));
    expect(r!.trackingNumber).toBe('1Z4E75R80300000006');
    expect(r!.status).toBe('in_transit');
    expect(r!.relatedNumbers).toBeUndefined();
  });

  it('a package under another real number (asked by reference) keeps the inquiry as its name', () => {
    const body = fixture('ups', 'track--in-transit.json') as { trackResponse: { shipment: { inquiryNumber: string }[] } };
    body.trackResponse.shipment[0]!.inquiryNumber = 'REF-4471-AB';
    const [r] = results(parseUpsResponse(body));
    expect(r!.trackingNumber).toBe('REF-4471-AB');
    expect(r!.relatedNumbers).toEqual([{ number: '1Z1442YY7229014689', carrier: 'ups', relation: 'alternate' }]);
  });

  it('the official single-package example has no related numbers', () => {
    const [r] = results(parseUpsResponse(fixture('ups', 'track--delivered.json')));
    expect(r!.trackingNumber).toBe('1Z1442YY7229014688');
    expect(r!.relatedNumbers).toBeUndefined();
  });
});

describe('FedEx: packageIdentifiers that are parcel numbers', () => {
  it('Ground Economy: the partner carrier number is a handoff to USPS; a customer reference is not kept', () => {
    const [r] = results(parseFedexResponse(fixture('fedex', 'track--ground-economy-usps-handoff.json')));
    expect(r!.trackingNumber).toBe('61290983610300054378');
    expect(r!.relatedNumbers).toEqual([{ number: '9261290100130436117815', carrier: 'usps', relation: 'handoff' }]);
  });

  it('a multi-piece child: the master is a piece, the door tag an alternate, the return label a return; the PO is left out', () => {
    const [r] = results(parseFedexResponse(fixture('fedex', 'track--multi-piece-mps.json')));
    expect(r!.trackingNumber).toBe('794842105882');
    expect(r!.relatedNumbers).toEqual([
      { number: '794842105871', carrier: 'fedex', relation: 'piece' },
      { number: 'DT102345678901', carrier: 'fedex', relation: 'alternate' },
      { number: '794842105893', carrier: 'fedex', relation: 'return' },
    ]);
  });

  it('the official example answers 123456789012 under 128667043726: named by the inquiry, the other kept as an alternate', () => {
    const [r] = results(parseFedexResponse(fixture('fedex', 'track--picked-up-doc-example.json')));
    expect(r!.trackingNumber).toBe('123456789012');
    expect(r!.relatedNumbers).toEqual([{ number: '128667043726', carrier: 'fedex', relation: 'alternate' }]);
  });

  it('a partner number outside Ground Economy names no carrier', () => {
    const body = fixture('fedex', 'track--ground-economy-usps-handoff.json') as {
      output: { completeTrackResults: { trackResults: { trackingNumberInfo: { carrierCode: string }; serviceDetail: { type: string; description: string } }[] }[] };
    };
    const tr = body.output.completeTrackResults[0]!.trackResults[0]!;
    tr.trackingNumberInfo.carrierCode = 'FDXE';
    tr.serviceDetail = { type: 'INTERNATIONAL_PRIORITY', description: 'FedEx International Priority' };
    const [r] = results(parseFedexResponse(body));
    expect(r!.relatedNumbers).toEqual([{ number: '9261290100130436117815', carrier: null, relation: 'handoff' }]);
  });

  it('a plain single package has none', () => {
    const [r] = results(parseFedexResponse(fixture('fedex', 'track--in-transit.json')));
    expect(r!.relatedNumbers).toBeUndefined();
  });
});

describe('USPS: other labels of the item', () => {
  it('the full label is an alternate, the return receipt card a return', () => {
    const [r] = results(parseUspsResponse(fixture('usps', 'tracking-v3--certified-return-receipt.json')));
    expect(r!.trackingNumber).toBe('9407111899223197428498');
    expect(r!.relatedNumbers).toEqual([
      { number: '420112019407111899223197428498', carrier: 'usps', relation: 'alternate' },
      { number: '95909402647612345678', carrier: 'usps', relation: 'return' },
    ]);
  });

  it('empty and null fields add nothing', () => {
    const [r] = results(parseUspsResponse(fixture('usps', 'tracking-v3--delivered.json')));
    expect(r!.relatedNumbers).toBeUndefined();
  });
});

describe('DHL: references and pieces', () => {
  it('the official eCommerce example: a local carrier handoff and two other DHL numbers', () => {
    const [r] = results(parseDhlResponse(fixture('dhl', 'shipments--transit-customs.json')));
    expect(r!.trackingNumber).toBe('GMDBD8E9CCE94842E495B7');
    expect(r!.relatedNumbers).toEqual([
      { number: '2042200157621303', carrier: 'dhl', relation: 'alternate' },
      { number: 'H01PQA0010751022', carrier: null, relation: 'handoff' },
    ]);
  });

  it('Express: two pieces are pieces, a customer reference is not a parcel number', () => {
    const [r] = results(parseDhlResponse(fixture('dhl', 'shipments--express-two-pieces.json')));
    expect(r!.relatedNumbers).toEqual([
      { number: 'JD014600006281230704', carrier: 'dhl', relation: 'piece' },
      { number: 'JD014600006281230705', carrier: 'dhl', relation: 'piece' },
    ]);
  });

  it("a single piece's id is another number for the same parcel", () => {
    const [r] = results(parseDhlResponse(fixture('dhl', 'shipments--out-for-delivery.json')));
    expect(r!.relatedNumbers).toEqual([{ number: 'JD014600006281230704', carrier: 'dhl', relation: 'alternate' }]);
  });

  it('the client names the result by the number asked, and keeps a differing shipment id as related', async () => {
    const body = fixture('dhl', 'shipments--express-two-pieces.json');
    const fetch = async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const out = await dhlClient.track(['JD014600006281230705'], { apiKey: 'k' }, { fetch: fetch as typeof globalThis.fetch, now: () => 0 });
    const [r] = results(out);
    expect(r!.trackingNumber).toBe('JD014600006281230705');
    expect(r!.relatedNumbers).toEqual([
      { number: '7777004321', carrier: 'dhl', relation: 'alternate' },
      { number: 'JD014600006281230704', carrier: 'dhl', relation: 'piece' },
    ]);
  });
});

describe('RelatedNumbers', () => {
  it('keeps plausible numbers once, never the parcel’s own, normalised', () => {
    const r = new RelatedNumbers('1Z4E75R80300000006');
    r.add('1z4e75r8 0300000006', 'ups', 'alternate');
    r.add('9241 9900 0000 3349 9522 9662 20', 'usps', 'handoff');
    r.add('92419900000033499522966220', 'usps', 'alternate');
    r.add(undefined, 'ups', 'piece');
    r.add(42, 'ups', 'piece');
    expect(r.result()).toEqual([{ number: '92419900000033499522966220', carrier: 'usps', relation: 'handoff' }]);
  });

  it.each<[string, boolean]>([
    ['1Z4E75R80300000006', true],
    ['794843185328', true],
    ['STRING', false],
    ['0000000000', false],
    ['1234567', false],
    ['ABC-DEF', false],
    ['A'.repeat(41), false],
  ])('looksLikeNumber(%s) → %s', (n, ok) => {
    expect(looksLikeNumber(n)).toBe(ok);
  });
});
