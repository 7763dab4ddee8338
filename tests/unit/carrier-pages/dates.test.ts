/** Issue #14: the carrier pages' date and time formats, in their languages. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventTime, readDateTime } from '../../../lib/carrier-pages/dates';

const at = (text: string, monthFirst = true) => {
  const r = readDateTime(text, monthFirst);
  return { when: r.day ? eventTime(r.day, r.time, r.offset).time : null, rest: r.rest };
};

describe('readDateTime', () => {
  it.each([
    ['01/12/2016 10:57 A.M.', '2016-01-12T10:57', ''],
    ['14.04.2017 15:15', '2017-04-14T15:15', ''],
    ['Mi, 21.02.18 08:18 Köln, Deutschland', '2018-02-21T08:18', 'Köln, Deutschland'],
    ['Fri, 08.07.16 15:43', '2016-07-08T15:43', ''],
    ['December 29, 2017, 1:41 pm', '2017-12-29T13:41', ''],
    ['December 29, 2017 at 12:05 am', '2017-12-29T00:05', ''],
    ['Friday, May 26, 2017  14:23', '2017-05-26T14:23', ''],
    ['29. Dezember 2017 08:00 Uhr', '2017-12-29T08:00', ''],
    ['2016-01-08 18:09:21', '2016-01-08T18:09:21', ''],
    ['2018-08-01T16:06:00+02:00', '2018-08-01T16:06:00+02:00', ''],
    ['12.04.2017 11:09 (ET)', '2017-04-12T11:09', ''],
    ['10/03/2024 3:43 P.M. EST', '2024-10-03T15:43', ''],
    ['13/01/2016', '2016-01-13', ''],
  ])('%s → %s', (text, when, rest) => {
    expect(at(text)).toEqual({ when, rest });
  });

  it('reads a slashed date day first when the page says so', () => {
    expect(at('01/12/2016', false).when).toBe('2016-12-01');
  });

  it.each(['Today 10:57 A.M.', 'Yesterday', '31/02/2016', '1.72 kgs', '00340434162530583962', '2.00 kgs', 'cp.key.101'])('finds no day in %s', (text) => {
    expect(readDateTime(text).day).toBeNull();
  });

  it('never throws and never invents a day that is not in the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const r = readDateTime(text);
        if (r.day) expect(text).toMatch(/\d/);
        if (r.time) expect(r.time.h).toBeLessThan(24);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any valid day in every printed form', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    fc.assert(
      fc.property(fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        for (const text of [`${m}/${day}/${y}`, `${day}.${m}.${y}`, `${months[m - 1]} ${day}, ${y}`, `${day} ${months[m - 1]} ${y}`, iso]) {
          expect(at(text).when).toBe(iso);
        }
      }),
      { numRuns: 300 },
    );
  });
});
