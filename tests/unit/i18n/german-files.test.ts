/**
 * What the shopper reads about files and the number parser, in German (issue #13 §2): why an entry
 * is no tracking number (the popup's box, the options page's number import and the context menu's
 * notice say it one way), why a backup or its carrier keys were refused, the claim kit's page and
 * what a calendar shows of the calendar export (the CSV's column names are identifiers and stay).
 * Numbers, ids, times (ISO 8601) and what JSON.parse, zod, shops and carriers said stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { importBackup } from '../../../lib/backup/import-backup';
import { BackupError, type BackupProblem } from '../../../lib/backup/read-backup';
import { readTrackingList } from '../../../lib/backup/tracking-list';
import { backupChunks } from '../../../lib/backup/write-backup';
import { packageRecord } from '../../../lib/db/backup-store';
import { NOT_RECEIVED_CODE } from '../../../lib/engine/user-report';
import { claimKitHtml } from '../../../lib/export/claim-kit';
import { calendarChunks } from '../../../lib/export/ics';
import { parseSettings } from '../../../lib/settings';
import { parseTrackingInput } from '../../../lib/scan/parse-input';
import { backupErrorText, notImportedText, numbersImportedText } from '../../../lib/view/options-data';
import { rejectText } from '../../../lib/view/track-offers';
import { chunked, collect, HOSTILE, seedWorld, WORLD_NOW } from '../backup/backup-world';
import { DE, EN } from '../../support/i18n';

describe('why an entry is no tracking number, in German', () => {
  it('every reason the parser gives, with the entry as written', () => {
    const r = parseTrackingInput('112-5939971-8962610\n1Z999AA10123456785\n12345678\n0000000000000000000\n1234567890123456789012345678901234567890123456789012345\nABCDEFGH12345678XYZ');
    expect(r.rejected.map((x) => x.reason)).toEqual(['order_number', 'check_digit', 'too_short', 'repeated', 'too_long', 'unknown_format']);
    expect(r.rejected.map((x) => rejectText(x, DE.t))).toEqual([
      '112-5939971-8962610 ist eine Amazon-Bestellnummer, keine Sendungsnummer: Öffnen Sie die Bestellung bei Amazon, dann liest Porchlight ihre Pakete.',
      '1Z999AA10123456785 sieht aus wie eine Sendungsnummer von UPS, aber die Prüfziffer stimmt nicht: Prüfen Sie sie auf Tippfehler.',
      '12345678 ist zu kurz für eine Sendungsnummer (8 Zeichen; die kürzesten haben 10).',
      '0000000000000000000 ist keine Sendungsnummer (nur eine wiederholte Ziffer).',
      '123456789012345678901234567890123456789012345678… ist zu lang für eine Sendungsnummer.',
      'ABCDEFGH12345678XYZ passt zu keinem Nummernformat, das Porchlight kennt.',
    ]);
    // The English is what the parser's own sentence was before it carried a code.
    expect(rejectText(r.rejected[1]!, EN.t)).toBe('1Z999AA10123456785 looks like a UPS number, but its check digit does not match: check it for a typo.');
  });

  it('the number import names the reasons in German, one full stop at the end', () => {
    const list = readTrackingList('1Z999AA10123456784\n112-5939971-8962610\n1Z999AA10123456785\n');
    expect(numbersImportedText(DE, list, { added: 1, known: 0 })).toBe(
      '1 Nummer hinzugefügt. Nicht gelesen: „112-5939971-8962610“: 112-5939971-8962610 ist eine Amazon-Bestellnummer, keine Sendungsnummer: Öffnen Sie die Bestellung bei Amazon, dann liest Porchlight ihre Pakete; „1Z999AA10123456785“: 1Z999AA10123456785 sieht aus wie eine Sendungsnummer von UPS, aber die Prüfziffer stimmt nicht: Prüfen Sie sie auf Tippfehler.',
    );
  });
});

describe('a refused backup, in German', () => {
  const SETTINGS = parseSettings({});

  async function refusal(text: string): Promise<BackupProblem> {
    const db = await seedWorld();
    try {
      const err = await importBackup(db, chunked(text), SETTINGS).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(BackupError);
      return (err as BackupError).problem;
    } finally {
      await db.delete();
    }
  }

  it('a truncated file: the sentence the options page shows, and nothing said twice', async () => {
    const db = await seedWorld();
    const good = await collect(backupChunks(db, { now: WORLD_NOW, appVersion: '0.1.0', settings: SETTINGS }));
    await db.delete();
    const lines = good.split('\n');
    const problem = await refusal(lines.slice(0, lines.length - 4).join('\n'));
    expect(notImportedText(DE, 'cut.json', problem)).toBe(
      'cut.json wurde nicht importiert. Die Datei endet zu früh: Die Sicherung wurde vor ihrem Ende abgeschnitten. Es wurde nichts importiert.',
    );
    expect(notImportedText(EN, 'cut.json', problem)).toBe(
      'cut.json was not imported. The file ends too early: it is truncated (the backup was cut off before its end). Nothing was imported.',
    );
  });

  it('a file that is no backup gets "nothing was changed" after its reason', async () => {
    expect(notImportedText(DE, 'bestellungen.csv', await refusal('tracking,carrier\n1Z999AA10123456784,ups\n'))).toBe(
      'bestellungen.csv wurde nicht importiert. Das ist keine Porchlight-Sicherung: Die Datei beginnt nicht mit einem JSON-Objekt. Es wurde nichts geändert.',
    );
  });

  it('records named in German; line numbers as the file counts them; zod’s words as zod said them', () => {
    expect(backupErrorText(DE, { code: 'record_invalid', line: 12345, table: 'packages', key: 'ups:1Z999AA10123456784', issue: 'status: Invalid option' })).toBe(
      'Zeile 12345: Paket „ups:1Z999AA10123456784“ ist ungültig (status: Invalid option).',
    );
    expect(backupErrorText(EN, { code: 'record_invalid', line: 12345, table: 'events', key: null, issue: 'time: Required' })).toBe('Line 12345: event is not valid (time: Required).');
    expect(backupErrorText(DE, { code: 'orphan', line: 7, table: 'events', key: 'ups:X|1', packageId: 'ups:NOPE' })).toBe(
      'Zeile 7: Sendungsereignis „ups:X|1“ gehört zum Paket „ups:NOPE“, das in der Sicherung fehlt.',
    );
    expect(backupErrorText(DE, { code: 'expected_list', line: 3, table: 'orders' })).toBe('Zeile 3: Hier sollte die Liste „orders“ beginnen ("orders":[).');
    expect(backupErrorText(DE, { code: 'newer', version: 7, supported: 1 })).toBe(
      'Diese Sicherung stammt von einer neueren Porchlight-Version (Format 7); diese Version liest Formate bis 1. Aktualisieren Sie Porchlight und importieren Sie sie dann erneut.',
    );
  });

  it('the carrier keys’ passphrase', () => {
    expect(backupErrorText(DE, { code: 'passphrase_short', min: 10 })).toBe('Wählen Sie für Ihre Zugangsschlüssel der Paketdienste eine Passphrase mit mindestens 10 Zeichen.');
    expect(backupErrorText(DE, { code: 'wrong_passphrase' })).toMatch(/^Mit dieser Passphrase lassen sich die Zugangsschlüssel .* nicht öffnen/);
  });
});

describe('the claim kit in German', () => {
  it('its own words in German, what the shop and carrier wrote as written, markup from pages as text', async () => {
    const db = await seedWorld();
    const [pkg] = await db.packages.where('trackingNumber').equals('1Z999AA10123456784').toArray();
    await db.packages.update(pkg!.id, { numbers: [{ number: '9400100000000000000000', carrier: 'usps', relation: 'handoff', source: 'carrier:ups', addedAt: WORLD_NOW }] });
    await db.events.put({ key: `${pkg!.id}|nr`, packageId: pkg!.id, time: '2024-12-19T18:00:00.000Z', timeIsLocal: false, timeZone: null, status: null, code: NOT_RECEIVED_CODE, description: 'You marked this package as not received', location: null, source: 'user', sources: ['user'] });
    const record = (await packageRecord(db, pkg!.id))!;
    await db.delete();
    const doc = new DOMParser().parseFromString(claimKitHtml({ ...record, now: WORLD_NOW, timeZone: 'Europe/Berlin', ui: DE }), 'text/html');
    const text = doc.body.textContent!;
    expect(doc.documentElement.lang).toBe('de-DE');
    expect(doc.title).toBe(`Reklamationsmappe: ${record.pkg.label}`);
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Bestellung',
      'Paket',
      'Sendungsverlauf',
      'Lieferprognosen im Zeitverlauf',
      'Meldungen „Nicht erhalten“',
      'Warnungen',
      'Fristen für Erstattung und Reklamation',
    ]);
    expect(text).toContain('Erstellt von Porchlight am 2024-12-20 13:00:00+01:00 (Europe/Berlin).');
    expect([...doc.querySelectorAll('dt')].map((d) => d.textContent)).toContain('Erstmals von Porchlight erfasst');
    expect(text).toContain('9400100000000000000000 (Übergabe, USPS)');
    const timeline = [...doc.querySelectorAll('h2')].find((h) => h.textContent === 'Sendungsverlauf')!.nextElementSibling!;
    expect([...timeline.querySelectorAll('th')].map((h) => h.textContent)).toEqual(['Zeitpunkt', 'Status', 'Ereignis', 'Ort', 'Gemeldet von']);
    const rows = [...timeline.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(rows[0]).toEqual(['2024-12-10 07:15:00+01:00', 'Unterwegs', 'Arrived at facility 0', 'Memphis, TN, US', 'UPS']);
    expect(rows.at(-1)!.slice(2)).toEqual(['Sie haben dieses Paket als nicht erhalten markiert', '', 'Sie']);
    expect(text).toContain(HOSTILE.replace('\r\n', '\n').split('\n')[0]);
    expect(text).toContain('Käufer');
    expect(text).toMatch(/Absender oder Empfänger/);
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
    expect(text).not.toMatch(/\b(Made by|Timeline|None recorded|Tracking number|Last day|Filed by|policy page)\b/);
  });

  it('with nothing recorded and no order', async () => {
    const db = await seedWorld();
    const [pkg] = await db.packages.where('trackingNumber').equals('1Z999AA10123456784').toArray();
    const record = (await packageRecord(db, pkg!.id))!;
    await db.delete();
    const html = claimKitHtml({ ...record, order: null, events: [], alerts: [], pkg: { ...record.pkg, carrier: null, trackingNumber: null, etaHistory: [] }, now: WORLD_NOW, timeZone: 'Europe/Berlin', ui: DE });
    const text = new DOMParser().parseFromString(html, 'text/html').body.textContent!;
    expect(text).toContain(`Bestellung ${record.pkg.orderId} bei amazon (nicht im Einzelnen gelesen).`);
    expect(text).toContain('Sendungsnummerkeine');
    expect(text).toContain('Paketdienstunbekannt');
    expect(text.match(/Nichts erfasst\./g)).toHaveLength(4);
  });
});

describe('the calendar export in German', () => {
  it('the calendar’s name, the entries’ summaries and descriptions; labels, numbers and places as written', async () => {
    const db = await seedWorld();
    const text = (await collect(calendarChunks(db, WORLD_NOW, DE.t))).replace(/\r\n /g, '');
    await db.delete();
    expect(text).toContain('X-WR-CALNAME:Porchlight-Zustellungen\r\n');
    expect(text).toContain('SUMMARY:Zustellung erwartet: Lamp\\; ');
    expect(text).toContain('(UPS 1Z999AA10123456784)');
    expect(text).toContain('DESCRIPTION:Status: Unterwegs (Delivered October 28 · ');
    expect(text).toContain('\\nBestellung 111-1212549-9423423 bei amazon\\n');
    expect(text).toContain('SUMMARY:Heute letzter Abholtag: ALLICAVER');
    expect(text).toContain('DESCRIPTION:Abholcode: 4711\\nLetzter Abholtag: 2024-12-27\r\n');
    expect(text).toContain('LOCATION:Locker 12\\, Main St\\; "north" side');
    expect(text).not.toMatch(/Delivery expected|Pick up by|Pickup code|Last day|deliveries/);
  });
});
