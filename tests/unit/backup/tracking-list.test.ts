/** "Import tracking numbers" (issue #12): files as spreadsheets and people save them, through the popup box's parser. */
import { describe, expect, it } from 'vitest';
import { readTrackingList } from '../../../lib/backup/tracking-list';
import { numbersImportedText } from '../../../lib/view/options-data';
import { EN } from '../../support/i18n';

const numbers = (text: string) => readTrackingList(text).numbers.map((n) => n.number);

describe('readTrackingList', () => {
  it('one number per line, CRLF and a byte-order mark', () => {
    expect(numbers('\uFEFF1Z8V92A70367203024\r\n1Z879E930346834440\r\n\r\nTBA123456789012\r\n')).toEqual(['1Z8V92A70367203024', '1Z879E930346834440', 'TBA123456789012']);
  });

  it('a spreadsheet CSV (BOM, CRLF, quoted cells): only its tracking column is read', () => {
    const csv = '\uFEFFOrder date,Order ID,"Tracking Number",Item\r\n2024-12-01,113-4567890-1234567,"1Z 879E 9303 4683 4440","Lamp, blue"\r\n2024-12-02,113-4567890-7654321,1Z8V92A70367203024,Socks\r\n';
    const list = readTrackingList(csv);
    expect(list.column).toBe('Tracking Number');
    expect(list.numbers.map((n) => n.number)).toEqual(['1Z879E930346834440', '1Z8V92A70367203024']);
    // The order ids in the other column are not offered as rejected numbers.
    expect(list.rejected).toEqual([]);
  });

  it('our own events CSV reads back as its numbers', () => {
    const csv = 'tracking_number,carrier,shop\r\n1Z879E930346834440,ups,amazon\r\n1Z879E930346834440,ups,amazon\r\n';
    expect(numbers(csv)).toEqual(['1Z879E930346834440']);
  });

  it('says why a line was not read', () => {
    const list = readTrackingList('1Z879E930346834441\n113-4567890-1234567\n1Z8V92A70367203024\n');
    expect(list.rejected.map((r) => r.reason)).toEqual(['check_digit', 'order_number']);
    expect(numbersImportedText(EN, list, { added: 1, known: 0 })).toMatch(/^1 number added\. Not read: "1Z879E930346834441": .*; "113-4567890-1234567": .*\.$/);
  });

  it('an empty file has no numbers', () => {
    const list = readTrackingList('');
    expect(list.numbers).toEqual([]);
    expect(numbersImportedText(EN, list, { added: 0, known: 0 })).toBe('No tracking number found in the file.');
  });
});
