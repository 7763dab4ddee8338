/**
 * Dates and times as the popup writes them, through formatters made once per options and zone:
 * `toLocaleDateString` builds a new Intl.DateTimeFormat on every call, and the list of 1,000
 * parcels made thousands of them (issue #13 §4: about half of building the list). Same output as
 * `new Date(epoch).toLocaleDateString('en-US', options)` (the options always name their fields).
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

export function formatEnUs(epoch: number, options: Intl.DateTimeFormatOptions): string {
  const key = JSON.stringify(options);
  let fmt = FORMATTERS.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', options);
    FORMATTERS.set(key, fmt);
  }
  return fmt.format(epoch);
}
