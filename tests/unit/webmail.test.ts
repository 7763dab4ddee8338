import { describe, expect, it } from 'vitest';
import { webmailMatches } from '../../lib/platform/webmail';

describe('webmail registration', () => {
  const on = (gmail: boolean, outlook: boolean) => ({ webmail: { gmail, outlook } });
  it('runs only where the user turned it on and granted the host', () => {
    expect(webmailMatches(on(true, false), ['https://mail.google.com/*'])).toEqual(['https://mail.google.com/*']);
    expect(webmailMatches(on(true, false), [])).toEqual([]);
    expect(webmailMatches(on(false, false), ['https://mail.google.com/*'])).toEqual([]);
    expect(webmailMatches(on(false, true), ['https://mail.google.com/*', 'https://outlook.live.com/*'])).toEqual(['https://outlook.live.com/*']);
  });
});
