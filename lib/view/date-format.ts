/**
 * Dates and times as the popup writes them, through formatters made once per locale, options and
 * zone: `toLocaleDateString` builds a new Intl.DateTimeFormat on every call, and the list of 1,000
 * parcels made thousands of them (issue #13 §4: about half of building the list). Same output as
 * `new Date(epoch).toLocaleDateString(locale, options)` (the options always name their fields); the
 * locale is the UI's (issue #13 §2), passed in.
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

export function formatDate(locale: string, epoch: number, options: Intl.DateTimeFormatOptions): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let fmt = FORMATTERS.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, options);
    FORMATTERS.set(key, fmt);
  }
  return fmt.format(epoch);
}
