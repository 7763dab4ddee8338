/** @vitest-environment-options { "settings": { "disableJavaScriptFileLoading": true, "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true } } */
/**
 * The one shop registry (lib/shops/registry.ts): every reader against its own examples and no other's, URL
 * readers first and document readers (Shopify, issue #15) after them, and Amazon's choice unchanged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amazonReader } from '../../../lib/shops/amazon/index';
import { readerFor, readerForPage, SHOP_READERS } from '../../../lib/shops/registry';
import { shopifyReader } from '../../../lib/shops/shopify/index';
import { targetReader } from '../../../lib/shops/target/index';
import { walmartReader } from '../../../lib/shops/walmart/index';
import { SHOP_HOSTS, SHOP_SITES } from '../../../lib/hosts';
import { hostAllowed } from '../../../lib/url-policy';
import type { ShopReader } from '../../../lib/shops/types';
import { parseInert as parse } from '../shopify/load-fixture';

const FIXTURES = join(__dirname, '../../fixtures');
const STORE_URL = new URL('https://porchgoods.example/61234567890/orders/9e107d9d372bb6826bd81d3542a419d6');

describe('shop registry', () => {
  it('has every reader, each id once', () => {
    expect(SHOP_READERS.map((r) => r.id)).toEqual(['amazon', 'shopify', 'walmart', 'target', 'bestbuy', 'ebay', 'aliexpress', 'etsy']);
  });

  it("Every reader but Amazon's and Shopify's carries the ids of lib/hosts.ts SHOP_SITES, and their shops' hosts are the URL policy's", () => {
    for (const reader of SHOP_READERS.filter((r) => r.id !== 'amazon' && r.id !== 'shopify')) {
      expect(SHOP_SITES.map((s) => s.id)).toContain(reader.id);
      expect(reader.shop).toBe(reader.id);
      for (const u of reader.examples.matches) expect(hostAllowed(new URL(u).hostname, SHOP_HOSTS[reader.id]!), u).toBe(true);
    }
  });

  for (const reader of SHOP_READERS) {
    describe(reader.id, () => {
      it('matches its own URL examples and rejects its own rejects', () => {
        for (const u of reader.examples.matches) expect(reader.matches(new URL(u)), u).toBe(true);
        for (const u of reader.examples.rejects) expect(reader.matches(new URL(u)), u).toBe(false);
      });
      it("matches none of the other readers' URL examples, and the registry gives it for its own", () => {
        for (const other of SHOP_READERS.filter((r) => r !== reader)) {
          for (const u of other.examples.matches) expect(reader.matches(new URL(u)), `${reader.id} on ${u}`).toBe(false);
        }
        for (const u of reader.examples.matches) expect(readerFor(new URL(u))).toBe(reader);
      });
      it('recognises its own document examples, rejects its rejects, and no other reader recognises them', () => {
        const docs = reader.examples.documents;
        if (!reader.recognises) {
          expect(docs).toBeUndefined();
          return;
        }
        expect(docs!.matches.length).toBeGreaterThan(0);
        expect(docs!.rejects.length).toBeGreaterThan(0);
        for (const html of docs!.matches) {
          expect(reader.recognises(parse(html), STORE_URL), html).toBe(true);
          expect(readerForPage(parse(html), STORE_URL), html).toBe(reader);
          for (const other of SHOP_READERS.filter((r) => r !== reader)) expect(other.recognises?.(parse(html), STORE_URL) ?? false).toBe(false);
        }
        for (const html of docs!.rejects) {
          expect(reader.recognises(parse(html), STORE_URL), html).toBe(false);
          expect(readerForPage(parse(html), STORE_URL), html).toBeNull();
        }
      });
    });
  }

  it('Amazon is still chosen by its URL alone, before any document reader, whatever the document', () => {
    const shopifyDoc = parse(shopifyReader.examples.documents!.matches[0]!);
    for (const u of amazonReader.examples.matches) {
      expect(readerFor(new URL(u))).toBe(amazonReader);
      expect(readerForPage(shopifyDoc, new URL(u))).toBe(amazonReader);
    }
    // Amazon's rejects name other shops' pages too (eBay's purchase history): those go to their own reader, never Amazon's.
    for (const u of amazonReader.examples.rejects) expect([null, ...SHOP_READERS.filter((r) => r.examples.matches.includes(u))]).toContain(readerFor(new URL(u)));
  });

  it('every Shopify fixture is given to the Shopify reader on a store host; no Amazon page or generic page is', () => {
    const shopify = readdirSync(join(FIXTURES, 'shopify')).filter((f) => f.endsWith('.html'));
    expect(shopify).toHaveLength(6);
    for (const f of shopify) {
      const url = f.startsWith('thank-you') ? new URL('https://porchgoods.example/checkouts/c/Z2NwLXVzLWVhc3QxOjAxSkZY/thank-you') : STORE_URL;
      expect(readerForPage(parse(readFileSync(join(FIXTURES, 'shopify', f), 'utf8')), url), f).toBe(shopifyReader);
    }
    const others = [
      ...readdirSync(join(FIXTURES, 'amazon')).filter((f) => f.endsWith('.html')).map((f) => join(FIXTURES, 'amazon', f)),
      ...readdirSync(join(FIXTURES, 'generic-pages')).filter((f) => f.endsWith('.html')).map((f) => join(FIXTURES, 'generic-pages', f)),
    ];
    expect(others.length).toBeGreaterThan(20);
    for (const file of others) {
      // Read at a store-like URL, so only the document can decide.
      expect(shopifyReader.recognises!(parse(readFileSync(file, 'utf8')), STORE_URL), file).toBe(false);
    }
  });

  it('every Walmart and Target fixture is given to its reader at the URL it is read at, whatever the document; Shopify recognises none', () => {
    const cases: [string, string, ShopReader][] = [
      ...readdirSync(join(FIXTURES, 'walmart'))
        .filter((f) => f.endsWith('.html'))
        .map((f): [string, string, ShopReader] => [join(FIXTURES, 'walmart', f), f.startsWith('order-details') ? 'https://www.walmart.com/orders/200031822046615' : 'https://www.walmart.com/orders', walmartReader]),
      ...readdirSync(join(FIXTURES, 'target'))
        .filter((f) => f.endsWith('.html'))
        .map((f): [string, string, ShopReader] => [join(FIXTURES, 'target', f), f.startsWith('order-details') ? 'https://www.target.com/orders/102002417785341' : 'https://www.target.com/orders', targetReader]),
    ];
    expect(cases).toHaveLength(8);
    for (const [file, url, reader] of cases) {
      const doc = parse(readFileSync(file, 'utf8'));
      expect(readerForPage(doc, new URL(url)), file).toBe(reader);
      expect(shopifyReader.recognises!(doc, STORE_URL), file).toBe(false);
      // Elsewhere on the shop the same document is no reader's.
      expect(readerForPage(doc, new URL(url.replace(/\/orders.*$/, '/cart'))), file).toBeNull();
    }
  });
});
