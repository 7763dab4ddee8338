import { describe, expect, it } from 'vitest';
import { CARRIERS } from '../../lib/carriers/registry';
import { carrierLink, checkUrl, credentialedFetchTarget, hostAllowed, MAX_URL_LENGTH, shopLink, trackLink, urlRefusedDiagnostic } from '../../lib/url-policy';

const PAGE = 'https://www.amazon.com/gp/css/order-history';

describe('hostAllowed', () => {
  it.each<[string, boolean]>([
    ['amazon.com', true],
    ['www.amazon.com', true],
    ['smile.amazon.com', true],
    ['AMAZON.COM', true],
    ['evilamazon.com', false],
    ['amazon.com.evil.test', false],
    ['amazon.co', false],
    ['com', false],
  ])('%s on [amazon.com] → %s', (host, ok) => {
    expect(hostAllowed(host, ['amazon.com'])).toBe(ok);
  });
});

describe('shopLink (Amazon)', () => {
  it.each<[string, string | null]>([
    ['https://www.amazon.com/gp/your-account/ship-track?orderId=1', 'https://www.amazon.com/gp/your-account/ship-track?orderId=1'],
    ['/progress-tracker/package?itemId=x', 'https://www.amazon.com/progress-tracker/package?itemId=x'],
    ['https://smile.amazon.co.uk/x', 'https://smile.amazon.co.uk/x'],
    ['https://AMAZON.de/Track', 'https://amazon.de/Track'],
    ['https://www.amazon.com./x', 'https://www.amazon.com/x'],
    ['https://www.amazon.com:443/x', 'https://www.amazon.com/x'],
    ['  https://www.amazon.com/x  ', 'https://www.amazon.com/x'],
    // Full-width letters are the same host after IDNA mapping.
    ['https://ａｍａｚｏｎ.com/x', 'https://amazon.com/x'],
  ])('keeps %s', (raw, url) => {
    const r = shopLink(raw, 'amazon', PAGE);
    expect(r).toMatchObject({ ok: true, url });
  });

  it.each<[string, string]>([
    ['https://amazon.com.evil.test/', 'host_not_allowed'],
    ['https://evil.test/?u=amazon.com', 'host_not_allowed'],
    ['https://evil.test/https://www.amazon.com/', 'host_not_allowed'],
    ['https://evilamazon.com/', 'host_not_allowed'],
    ['https://amazon.com@evil.test/', 'userinfo'],
    ['https://user:pass@www.amazon.com/', 'userinfo'],
    ['javascript:alert(document.cookie)', 'not_https'],
    ['JaVaScRiPt:alert(1)', 'not_https'],
    ['java\tscript:alert(1)', 'not_https'],
    ['data:text/html,<script>alert(1)</script>', 'not_https'],
    ['http://www.amazon.com/gp/css/order-history', 'not_https'],
    ['ftp://www.amazon.com/', 'not_https'],
    ['//evil.test/x', 'host_not_allowed'],
    ['https:\\\\evil.test\\x', 'host_not_allowed'],
    ['https://www.amazon.com:8443/x', 'port'],
    // Cyrillic "а": a different host (xn--mazon-3ve.com), not amazon.com.
    ['https://аmazon.com/', 'host_not_allowed'],
    ['https://xn--mazon-3ve.com/', 'host_not_allowed'],
    ['https://127.0.0.1/', 'host_not_allowed'],
    ['https://0x7f.1/', 'host_not_allowed'],
    ['https://[::1]/', 'host_not_allowed'],
    ['https://', 'not_a_url'],
    ['', 'not_a_url'],
  ])('refuses %s (%s)', (raw, reason) => {
    const r = shopLink(raw, 'amazon', PAGE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });

  it('accepts the page it was read from, exactly, for a shop not on the list', () => {
    const page = 'https://shop.example/orders/42';
    expect(shopLink('/track/42', null, page)).toMatchObject({ ok: true, url: 'https://shop.example/track/42' });
    expect(shopLink('https://shop.example./track/42', null, page)).toMatchObject({ ok: true, url: 'https://shop.example/track/42' });
    // Exactly that host: not its subdomains, not its parent.
    expect(shopLink('https://cdn.shop.example/x', null, page).ok).toBe(false);
    expect(shopLink('https://example/x', null, page).ok).toBe(false);
  });

  it('an http page vouches for nothing', () => {
    expect(shopLink('https://shop.example/x', null, 'http://shop.example/orders').ok).toBe(false);
  });

  it('refuses an overlong URL without parsing it', () => {
    const r = shopLink(`https://www.amazon.com/?q=${'a'.repeat(MAX_URL_LENGTH)}`, 'amazon', PAGE);
    expect(r).toMatchObject({ ok: false, reason: 'too_long' });
  });
});

describe('carrierLink', () => {
  it.each<[string, string, boolean]>([
    ['ups', 'https://www.ups.com/track?tracknum=1Z999AA10123456784', true],
    ['ups', 'http://www.ups.com/track?tracknum=1Z999AA10123456784', false],
    ['ups', 'https://www.fedex.com/fedextrack/?trknbr=123456789012', false],
    ['fedex', 'https://www.fedex.com/fedextrack/?trknbr=123456789012', true],
    ['usps', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000000', true],
    ['usps', 'https://tools.usps.com.evil.test/go', false],
    ['nope', 'https://www.ups.com/track', false],
  ])('%s %s → %s', (carrier, raw, ok) => {
    expect(carrierLink(raw, carrier).ok).toBe(ok);
  });

  it("keeps every carrier's own tracking page (the registry's templates are on their tracking hosts, over https)", () => {
    const broken = CARRIERS.flatMap((c) => {
      const example = c.formats[0]?.examples.valid[0];
      const url = example ? c.trackingUrl(example) : null;
      if (!url) return [];
      const r = carrierLink(url, c.id);
      return r.ok ? [] : [`${c.id}: ${r.message}`];
    });
    expect(broken).toEqual([]);
  });
});

describe('trackLink', () => {
  it("takes the shop's hosts, the carrier's and the page's own", () => {
    const ctx = { shop: 'amazon', carrier: 'ups', pageUrl: PAGE };
    expect(trackLink('/gp/your-account/ship-track?x=1', ctx).ok).toBe(true);
    expect(trackLink('https://www.ups.com/track?tracknum=1Z', ctx).ok).toBe(true);
    expect(trackLink('https://www.fedex.com/fedextrack/', ctx).ok).toBe(false);
    expect(trackLink('https://www.fedex.com/fedextrack/', { ...ctx, carrier: 'fedex' }).ok).toBe(true);
  });

  it('with nothing known, keeps nothing', () => {
    expect(trackLink('https://www.amazon.com/x', {})).toMatchObject({ ok: false, reason: 'host_not_allowed' });
  });
});

describe('credentialedFetchTarget', () => {
  it.each<[string, boolean]>([
    ['https://www.amazon.com/progress-tracker/package?itemId=1', true],
    ['https://www.amazon.co.jp/gp/your-account/ship-track?x', true],
    ['https://www.ups.com/track', false],
    ['https://evil.test/?next=https://www.amazon.com', false],
    ['http://www.amazon.com/progress-tracker/package', false],
    ['https://amazon.com@evil.test/', false],
    ['/progress-tracker/package', false],
  ])('%s → %s', (raw, ok) => {
    expect(credentialedFetchTarget(raw, 'amazon').ok).toBe(ok);
  });

  it("not even the page's own host or a carrier's: cookies go only to the shop that set them", () => {
    expect(credentialedFetchTarget('https://shop.example/track', 'shop.example').ok).toBe(false);
  });
});

describe('urlRefusedDiagnostic', () => {
  it('names the host and the reason, never the path or query', () => {
    const r = checkUrl('https://evil.test/orders/112-1234567-7654321?name=Jane', { hosts: ['amazon.com'], label: "amazon's hosts" });
    if (r.ok) throw new Error('expected a refusal');
    const d = urlRefusedDiagnostic(r, 'track-package');
    expect(d).toEqual({ code: 'url_refused', message: "Dropped a link to evil.test: not one of amazon's hosts (host_not_allowed)", pageKind: 'track-package' });
    expect(d.message).not.toContain('112-1234567');
    expect(d.message).not.toContain('Jane');
  });
});
