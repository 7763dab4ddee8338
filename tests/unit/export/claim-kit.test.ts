/** The claim kit (issue #12): everything a claim asks for, on one self-contained page, page text as text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRecord } from '../../../lib/db/backup-store';
import type { PorchlightDb } from '../../../lib/db/database';
import { NOT_RECEIVED_CODE } from '../../../lib/engine/user-report';
import { claimKitHtml } from '../../../lib/export/claim-kit';
import { EN } from '../../support/i18n';
import { HOSTILE, seedWorld, WORLD_NOW } from '../backup/backup-world';

let db: PorchlightDb;
beforeAll(async () => {
  db = await seedWorld();
});
afterAll(() => db.delete());

async function kit() {
  const [pkg] = await db.packages.where('trackingNumber').equals('1Z999AA10123456784').toArray();
  await db.events.put({ key: `${pkg!.id}|nr`, packageId: pkg!.id, time: '2024-12-19T18:00:00.000Z', timeIsLocal: false, timeZone: null, status: null, code: NOT_RECEIVED_CODE, description: 'You marked this package as not received', location: null, source: 'user', sources: ['user'] });
  const record = (await packageRecord(db, pkg!.id))!;
  const html = claimKitHtml({ ...record, now: WORLD_NOW, timeZone: 'America/Chicago', ui: EN });
  return { html, record, doc: new DOMParser().parseFromString(html, 'text/html') };
}

describe('claim kit', () => {
  it('has the order, the number and carrier, every event, the ETA history, the alerts, the report and the windows', async () => {
    const { doc, record } = await kit();
    const text = doc.body.textContent!;
    expect(doc.title).toBe(`Claim kit: ${record.pkg.label}`);
    // A printed document: dark ink on white whatever the browser's scheme (it drew dark on dark before).
    expect(doc.querySelector('style')!.textContent).toMatch(/:root\{color-scheme:light\}body\{[^}]*color:#111;background:#fff/);
    expect(text).toContain(record.order!.orderId);
    expect(text).toContain(record.order!.items[0]!.title);
    expect(text).toContain('1Z999AA10123456784');
    expect(text).toContain('UPS');
    const sections = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    expect(sections).toEqual(['Order', 'Parcel', 'Timeline', 'Delivery estimates over time', '"Not received" reports', 'Alerts', 'Refund and claim windows']);
    const tableAfter = (title: string) => {
      let el = [...doc.querySelectorAll('h2')].find((h) => h.textContent === title)!.nextElementSibling;
      while (el && el.tagName !== 'TABLE') el = el.nextElementSibling;
      return el!;
    };
    expect(tableAfter('Timeline').querySelectorAll('tbody tr')).toHaveLength(record.events.length);
    expect(tableAfter('Delivery estimates over time').querySelectorAll('tbody tr')).toHaveLength(2);
    expect(text).toContain('2024-12-19 12:00:00-06:00');
    // UPS's claim window, with its last day and where it is filed.
    expect(text).toMatch(/Last day/);
    expect(doc.querySelectorAll('a[href^="https://"]').length).toBeGreaterThan(0);
  });

  it('is self-contained and inert: no script, no outside resource, markup from pages shown as text', async () => {
    const { html, doc } = await kit();
    expect(doc.querySelectorAll('script, img, link, iframe')).toHaveLength(0);
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(doc.body.textContent).toContain(HOSTILE.replace('\r\n', '\n').split('\n')[0]);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });
});
