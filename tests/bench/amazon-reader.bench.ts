/**
 * Amazon reader main-thread time in real Chromium (issue #4 §9): the reader is bundled with esbuild into an IIFE,
 * each shared real page is loaded with page.setContent (its scripts stripped, every request aborted), and
 * `readAmazonPage` is timed over several runs. Reference measured in the same run, on the same page: a plain
 * `document.querySelectorAll('*')` walk that touches every element once (so the ratio means something on any
 * machine). Target: ≤ 5 ms per scan on a 10-order page.
 * Issue #18 adds the new page kinds (the real 2018 track pages, printable summaries, their layout-changed copies):
 * each ≤ 5 ms, first (cold) scan included.
 * Issue #15 adds the Shopify order status pages (tests/fixtures/shopify), read as the extension reads them: the
 * shop registry's `readerForPage` (URL readers, then the document's signs) and the chosen reader's `extract`;
 * each ≤ 5 ms, first (cold) scan included. Their scripts are kept but made inert (their tags are signs).
 * Issue #15 also adds Walmart's and Target's order pages (tests/fixtures/walmart, tests/fixtures/target), chosen by
 * their URL through the same registry: each ≤ 5 ms, first (cold) scan included; their JSON scripts stay as they are.
 * Then the Best Buy, eBay, AliExpress and Etsy pages (issue #15, their own section at the end): `readerFor` + `extract`.
 *
 * Run: `npm run bench -- amazon` (needs /usr/bin/chromium; set CHROMIUM to use another binary).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/amazon');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WARMUP = 3;
const RUNS = 15;
/** Fresh page loads whose first scan is measured (median reported) for the pages with a first-scan target. */
const COLD_LOADS = 7;
/** A real 10-order page (mixed 2023/2024 layouts) for the ≤ 5 ms target. */
const TEN_ORDER_PAGE = 'order-history-2024-0.html';
/** Page kinds of issue #18, each with the URL it is read at. */
const NEW_KINDS: { dir: string; name: string; url: string }[] = [
  ...['amazon_today.html', 'amazon_intransit.html', 'amazon_wednesday.html', 'amazon_today--layout-changed.html'].map((name) => ({
    dir: 'tests/fixtures/amazon-track-2018',
    name,
    url: 'https://www.amazon.com/progress-tracker/package/ref=ppx_yo_dt_b_track_package?orderId=114-7731847-0231445',
  })),
  ...['summary--us-two-shipments.html', 'summary--digital.html', 'summary--layout-changed.html'].map((name) => ({
    dir: 'tests/fixtures/amazon-summary',
    name,
    url: 'https://www.amazon.com/gp/css/summary/print.html?orderID=112-7654321-1234567',
  })),
  { dir: 'tests/fixtures/amazon-summary', name: 'summary--de-versandt.html', url: 'https://www.amazon.de/gp/css/summary/print.html?orderID=302-1234567-7654321' },
];

/** Issue #15: the Shopify pages, each at the URL it is read at. */
const SHOPIFY_DIR = 'tests/fixtures/shopify';
const SHOPIFY_PAGES: { name: string; url: string }[] = [
  'order-status--in-transit-usps.html',
  'order-status--delivered-ups.html',
  'order-status--other-carrier.html',
  'order-status--cancelled.html',
  'order-status--layout-changed.html',
].map((name) => ({ name, url: 'https://porchgoods.example/61234567890/orders/9e107d9d372bb6826bd81d3542a419d6' }));
SHOPIFY_PAGES.push({ name: 'thank-you--checkout-extensibility.html', url: 'https://porchgoods.example/checkouts/c/Z2NwLXVzLWVhc3QxOjAxSkZY/thank-you' });

/** Issue #15: Walmart's and Target's pages, each at the URL it is read at, and the reader the registry must choose. */
const WALMART_TARGET_PAGES: { dir: string; name: string; url: string; id: string }[] = [
  ...['order-list--next-data.html', 'order-list--cards-only.html', 'order-list--layout-changed.html'].map((name) => ({ dir: 'tests/fixtures/walmart', name, url: 'https://www.walmart.com/orders', id: 'walmart' })),
  { dir: 'tests/fixtures/walmart', name: 'order-details--groups-2101.html', url: 'https://www.walmart.com/orders/200031822046615', id: 'walmart' },
  ...['order-history--four-statuses.html', 'order-history--layout-changed.html', 'orders--links-only.html'].map((name) => ({ dir: 'tests/fixtures/target', name, url: 'https://www.target.com/orders', id: 'target' })),
  { dir: 'tests/fixtures/target', name: 'order-details--preloaded-state.html', url: 'https://www.target.com/orders/102002417785341', id: 'target' },
];

/** Executable scripts made inert (JSON scripts never run and are kept as they are: the readers read them). */
function inertKeepingData(html: string): string {
  return html.replace(/<script(?![^>]*type=["']application\/(?:ld\+)?json["'])(?=[\s>])/gi, '<script type="text/x-inert"');
}

/** Scripts kept as elements (the Shopify reader looks for them) but never run or fetched; frames dropped. */
function inertKeepingScripts(html: string): string {
  return html
    .replace(/<script\b/gi, '<script type="text/x-inert"')
    .replace(/<link\b(?=[^>]*rel=["']stylesheet)/gi, '<link media="not all"')
    .replace(/<iframe\b/gi, '<div')
    .replace(/<\/iframe>/gi, '</div>');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Strips executable scripts (keeps `type="a-state"` JSON), stylesheets and frames: nothing runs, nothing loads. */
function inert(html: string): string {
  return html
    .replace(/<script\b(?![^>]*type=["']a-state["'])[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*>/gi, '')
    .replace(/<iframe\b[^>]*>[\s\S]*?<\/iframe>/gi, '');
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(`amazon-reader bench: no Chromium at ${CHROMIUM}`);
    process.exit(1);
  }
  const bundle = await build({
    entryPoints: [join(ROOT, 'lib/shops/amazon/page.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'PorchlightAmazon',
    write: false,
    target: 'chrome120',
    minify: true,
  });
  const code = bundle.outputFiles[0]!.text;
  const shared = Object.keys(JSON.parse(readFileSync(join(FIXTURES, 'ground-truth.json'), 'utf8')) as object)
    .sort()
    .map((name) => ({
      file: join(FIXTURES, name),
      name,
      url: name.includes('details') || name.includes('snippet') ? 'https://www.amazon.com/gp/your-account/order-details?orderID=x' : 'https://www.amazon.com/your-orders/orders',
      isNew: false,
    }));
  const pages = [...shared, ...NEW_KINDS.map((p) => ({ file: join(ROOT, p.dir, p.name), name: p.name, url: p.url, isNew: true }))];

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    const rows: { name: string; bytes: number; orders: number; reader: number; walk: number; cold: number; isNew: boolean }[] = [];
    for (const { file, name, url, isNew } of pages) {
      const html = inert(readFileSync(file, 'utf8'));
      // A first scan is one sample per page load: it is measured on COLD_LOADS fresh loads (a new document and a
      // fresh copy of the reader each) and its median reported, so one preempted run on a shared machine does
      // not decide it. The first load also gives the warm runs.
      const colds: number[] = [];
      let first: { reader: number[]; walk: number[]; orders: number } | null = null;
      for (let load = 0; load < (isNew || name === TEN_ORDER_PAGE ? COLD_LOADS : 1); load++) {
      await page.setContent(html, { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: code });
      const r = await page.evaluate(
        ({ url, warmup, runs }) => {
          const g = globalThis as unknown as {
            PorchlightAmazon: { readAmazonPage(d: Document, u: URL, n: Date): { orders: unknown[] } };
          };
          const u = new URL(url);
          const now = new Date('2025-01-10T12:00:00Z');
          const reader: number[] = [];
          const walk: number[] = [];
          let orders = 0;
          let cold = 0;
          let sink = 0;
          for (let i = 0; i < warmup + runs; i++) {
            const t0 = performance.now();
            orders = g.PorchlightAmazon.readAmazonPage(document, u, now).orders.length;
            const t1 = performance.now();
            if (i === 0) cold = t1 - t0;
            for (const el of document.querySelectorAll('*')) sink += el.className.length;
            const t2 = performance.now();
            if (i >= warmup) {
              reader.push(t1 - t0);
              walk.push(t2 - t1);
            }
          }
          return { reader, walk, orders, sink, cold };
        },
        { url, warmup: load === 0 ? WARMUP : 0, runs: load === 0 ? RUNS : 1 },
      );
      colds.push(r.cold);
      first ??= r;
      }
      rows.push({ name, bytes: Buffer.byteLength(html), orders: first!.orders, reader: median(first!.reader), walk: median(first!.walk), cold: median(colds), isNew });
    }
    const pad = (s: string, n: number) => s.padEnd(n);
    // performance.now() is coarsened to 0.1 ms in the page: a ratio against a walk below that is meaningless.
    const ratio = (a: number, b: number) => (b >= 0.1 ? `${(a / b).toFixed(1)}x` : 'n/a');
    console.log(`Chromium ${browser.version()}, ${RUNS} runs after ${WARMUP} warm-up, medians per page (ms)`);
    console.log(`${pad('page', 42)} ${pad('KB', 6)} ${pad('orders', 6)} ${pad('reader', 8)} ${pad('qsa(*) walk', 11)} ratio`);
    for (const r of rows)
      console.log(
        `${pad(r.name, 42)} ${pad(String(Math.round(r.bytes / 1024)), 6)} ${pad(String(r.orders), 6)} ${pad(r.reader.toFixed(2), 8)} ${pad(r.walk.toFixed(2), 11)} ${ratio(r.reader, r.walk)}`,
      );
    const largest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const ten = rows.find((r) => r.name === TEN_ORDER_PAGE)!;
    const all = rows.filter((r) => !r.isNew).map((r) => r.reader);
    const added = rows.filter((r) => r.isNew);
    console.log('');
    console.log(`largest page (${largest.name}, ${Math.round(largest.bytes / 1024)} KB): reader ${largest.reader.toFixed(2)} ms, reference walk ${largest.walk.toFixed(2)} ms (${ratio(largest.reader, largest.walk)})`);
    console.log(`10-order page (${TEN_ORDER_PAGE}): reader ${ten.reader.toFixed(2)} ms, first (cold) scan ${ten.cold.toFixed(2)} ms, median of ${COLD_LOADS} loads (target ≤ 5 ms, both: ${ten.reader <= 5 && ten.cold <= 5 ? 'met' : 'NOT met'})`);
    console.log(`all ${all.length} shared pages: median ${median(all).toFixed(2)} ms, max ${Math.max(...all).toFixed(2)} ms; reference walk median ${median(rows.map((r) => r.walk)).toFixed(2)} ms`);
    const worst = Math.max(...added.flatMap((r) => [r.reader, r.cold]));
    console.log(`issue #18 page kinds (${added.length}: 2018 track pages, printable summaries, layout-changed copies):`);
    for (const r of added) console.log(`  ${pad(r.name, 40)} reader ${r.reader.toFixed(2)} ms, first (cold) scan ${r.cold.toFixed(2)} ms (median of ${COLD_LOADS} loads)`);
    console.log(`  worst of median and first scan: ${worst.toFixed(2)} ms (target ≤ 5 ms: ${worst <= 5 ? 'met' : 'NOT met'})`);
    if (ten.reader > 5 || ten.cold > 5 || worst > 5) process.exitCode = 1;

    // Issue #15: Shopify pages through the registry, as the extension chooses and runs a reader.
    const shops = await build({
      entryPoints: [join(ROOT, 'lib/shops/registry.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'PorchlightShops',
      write: false,
      target: 'chrome120',
      minify: true,
    });
    const shopsCode = shops.outputFiles[0]!.text;
    const shopifyRows: { name: string; orders: number; reader: number; cold: number }[] = [];
    for (const { name, url } of SHOPIFY_PAGES) {
      const html = inertKeepingScripts(readFileSync(join(ROOT, SHOPIFY_DIR, name), 'utf8'));
      const colds: number[] = [];
      let warm: number[] = [];
      let orders = 0;
      for (let load = 0; load < COLD_LOADS; load++) {
        await page.setContent(html, { waitUntil: 'domcontentloaded' });
        await page.addScriptTag({ content: shopsCode });
        const r = await page.evaluate(
          ({ url, warmup, runs }) => {
            type Reader = { id: string; extract(d: Document, u: URL, n: Date): { orders: unknown[]; diagnostics: unknown[] } };
            const g = globalThis as unknown as { PorchlightShops: { readerForPage(d: Document, u: URL): Reader | null } };
            const u = new URL(url);
            const now = new Date('2026-09-05T15:00:00Z');
            const times: number[] = [];
            let orders = 0;
            let id = '';
            for (let i = 0; i < warmup + runs; i++) {
              const t0 = performance.now();
              const reader = g.PorchlightShops.readerForPage(document, u);
              orders = reader ? reader.extract(document, u, now).orders.length : -1;
              times.push(performance.now() - t0);
              id = reader?.id ?? 'none';
            }
            return { times, orders, id };
          },
          { url, warmup: load === 0 ? WARMUP : 0, runs: load === 0 ? RUNS : 1 },
        );
        if (r.id !== 'shopify') throw new Error(`${name}: the registry chose ${r.id}, not the Shopify reader`);
        colds.push(r.times[0]!);
        if (load === 0) warm = r.times.slice(WARMUP);
        orders = r.orders;
      }
      shopifyRows.push({ name, orders, reader: median(warm), cold: median(colds) });
    }
    const shopifyWorst = Math.max(...shopifyRows.flatMap((r) => [r.reader, r.cold]));
    console.log(`issue #15 Shopify pages (${shopifyRows.length}, registry readerForPage + extract):`);
    for (const r of shopifyRows) console.log(`  ${pad(r.name, 40)} orders ${r.orders}, reader ${r.reader.toFixed(2)} ms, first (cold) scan ${r.cold.toFixed(2)} ms (median of ${COLD_LOADS} loads)`);
    console.log(`  worst of median and first scan: ${shopifyWorst.toFixed(2)} ms (target ≤ 5 ms: ${shopifyWorst <= 5 ? 'met' : 'NOT met'})`);
    if (shopifyWorst > 5) process.exitCode = 1;

    // Issue #15: Walmart's and Target's pages through the registry (chosen by their URL), as the extension runs them.
    const wtRows: { name: string; orders: number; reader: number; cold: number }[] = [];
    for (const { dir, name, url, id } of WALMART_TARGET_PAGES) {
      const html = inertKeepingData(readFileSync(join(ROOT, dir, name), 'utf8'));
      const colds: number[] = [];
      let warm: number[] = [];
      let orders = 0;
      for (let load = 0; load < COLD_LOADS; load++) {
        await page.setContent(html, { waitUntil: 'domcontentloaded' });
        await page.addScriptTag({ content: shopsCode });
        const r = await page.evaluate(
          ({ url, warmup, runs }) => {
            type Reader = { id: string; extract(d: Document, u: URL, n: Date): { orders: unknown[] } };
            const g = globalThis as unknown as { PorchlightShops: { readerForPage(d: Document, u: URL): Reader | null } };
            const u = new URL(url);
            const now = new Date('2026-03-10T15:00:00Z');
            const times: number[] = [];
            let orders = 0;
            let id = '';
            for (let i = 0; i < warmup + runs; i++) {
              const t0 = performance.now();
              const reader = g.PorchlightShops.readerForPage(document, u);
              orders = reader ? reader.extract(document, u, now).orders.length : -1;
              times.push(performance.now() - t0);
              id = reader?.id ?? 'none';
            }
            return { times, orders, id };
          },
          { url, warmup: load === 0 ? WARMUP : 0, runs: load === 0 ? RUNS : 1 },
        );
        if (r.id !== id) throw new Error(`${name}: the registry chose ${r.id}, not the ${id} reader`);
        colds.push(r.times[0]!);
        if (load === 0) warm = r.times.slice(WARMUP);
        orders = r.orders;
      }
      wtRows.push({ name: `${id}/${name}`, orders, reader: median(warm), cold: median(colds) });
    }
    const wtWorst = Math.max(...wtRows.flatMap((r) => [r.reader, r.cold]));
    console.log(`issue #15 Walmart and Target pages (${wtRows.length}, registry readerForPage + extract):`);
    for (const r of wtRows) console.log(`  ${pad(r.name, 48)} orders ${r.orders}, reader ${r.reader.toFixed(2)} ms, first (cold) scan ${r.cold.toFixed(2)} ms (median of ${COLD_LOADS} loads)`);
    console.log(`  worst of median and first scan: ${wtWorst.toFixed(2)} ms (target ≤ 5 ms: ${wtWorst <= 5 ? 'met' : 'NOT met'})`);
    if (wtWorst > 5) process.exitCode = 1;

    // What asking the document readers costs on a page that is not a shop's (once the shopper opts in, every page
    // they open is asked): the shared Amazon pages, their inline scripts kept, at a URL no reader matches.
    const asked: number[] = [];
    for (const { file } of shared) {
      await page.setContent(inertKeepingScripts(readFileSync(file, 'utf8')), { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: shopsCode });
      const r = await page.evaluate(() => {
        const g = globalThis as unknown as { PorchlightShops: { readerForPage(d: Document, u: URL): unknown } };
        const u = new URL('https://www.example.com/some/page');
        const t0 = performance.now();
        const chosen = g.PorchlightShops.readerForPage(document, u);
        return { ms: performance.now() - t0, chosen: chosen !== null };
      });
      if (r.chosen) throw new Error(`${file}: a reader claimed a page that is no shop's at this URL`);
      asked.push(r.ms);
    }
    console.log(`  asking the document readers on ${asked.length} pages that are not Shopify's (first call, scripts kept): median ${median(asked).toFixed(2)} ms, max ${Math.max(...asked).toFixed(2)} ms`);

    // Issue #15, the Best Buy, eBay, AliExpress and Etsy readers (shops-b): each fixture at its URL through the
    // registry's readerFor + extract, as the content script runs them; warm median and first (cold) scan, ≤ 5 ms.
    const shopsB: { name: string; url: string }[] = [
      ...['order-details--order-json.html', 'order-details--carrier-links.html', 'order-details--layout-changed.html'].map((f) => ({ name: `bestbuy/${f}`, url: 'https://www.bestbuy.com/profile/ss/orders/order-details/BBY01-806512345678/view' })),
      { name: 'ebay/purchase-history.html', url: 'https://www.ebay.com/mye/myebay/purchase' },
      ...['order-details--shipped-usps.html', 'order-details--delivered-ups.html', 'order-details--layout-changed.html'].map((f) => ({ name: `ebay/${f}`, url: 'https://www.ebay.com/vod/FetchOrderDetails?orderId=27-11834-60215' })),
      { name: 'aliexpress/order-list.html', url: 'https://www.aliexpress.com/p/order/index.html' },
      { name: 'aliexpress/order-detail.html', url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8194475532016841' },
      ...['logistics--two-numbers.html', 'logistics--layout-changed.html'].map((f) => ({ name: `aliexpress/${f}`, url: 'https://track.aliexpress.com/logisticsdetail.htm?tradeId=8194475532016841' })),
      ...['receipt--usps-link.html', 'receipt--layout-changed.html'].map((f) => ({ name: `etsy/${f}`, url: 'https://www.etsy.com/your/purchases/2718281828' })),
    ];
    const shopsBRows: { name: string; orders: number; reader: number; cold: number }[] = [];
    for (const { name, url } of shopsB) {
      const html = inertKeepingScripts(readFileSync(join(ROOT, 'tests/fixtures', name), 'utf8'));
      const colds: number[] = [];
      let warm: number[] = [];
      let orders = 0;
      for (let load = 0; load < COLD_LOADS; load++) {
        await page.setContent(html, { waitUntil: 'domcontentloaded' });
        await page.addScriptTag({ content: shopsCode });
        const r = await page.evaluate(
          ({ url, warmup, runs }) => {
            type Reader = { id: string; extract(d: Document, u: URL, n: Date): { orders: unknown[] } };
            const g = globalThis as unknown as { PorchlightShops: { readerFor(u: URL): Reader | null } };
            const u = new URL(url);
            const now = new Date('2026-09-05T15:00:00Z');
            const times: number[] = [];
            let orders = 0;
            for (let i = 0; i < warmup + runs; i++) {
              const t0 = performance.now();
              const reader = g.PorchlightShops.readerFor(u);
              orders = reader ? reader.extract(document, u, now).orders.length : -1;
              times.push(performance.now() - t0);
            }
            return { times, orders };
          },
          { url, warmup: load === 0 ? WARMUP : 0, runs: load === 0 ? RUNS : 1 },
        );
        if (r.orders < 0) throw new Error(`${name}: no reader for ${url}`);
        colds.push(r.times[0]!);
        if (load === 0) warm = r.times.slice(WARMUP);
        orders = r.orders;
      }
      shopsBRows.push({ name, orders, reader: median(warm), cold: median(colds) });
    }
    const shopsBWorst = Math.max(...shopsBRows.flatMap((r) => [r.reader, r.cold]));
    console.log(`issue #15 Best Buy, eBay, AliExpress, Etsy pages (${shopsBRows.length}, registry readerFor + extract):`);
    for (const r of shopsBRows) console.log(`  ${pad(r.name, 46)} orders ${r.orders}, reader ${r.reader.toFixed(2)} ms, first (cold) scan ${r.cold.toFixed(2)} ms (median of ${COLD_LOADS} loads)`);
    console.log(`  worst of median and first scan: ${shopsBWorst.toFixed(2)} ms (target ≤ 5 ms: ${shopsBWorst <= 5 ? 'met' : 'NOT met'})`);
    if (shopsBWorst > 5) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main();
