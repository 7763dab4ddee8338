import { describe, expect, it } from 'vitest';
import { WEBMAIL_HOST_PATTERNS as MANIFEST_WEBMAIL_PATTERNS } from '../../../lib/hosts';
import { WEBMAIL, WEBMAIL_HOST_PATTERNS, webmailRefusedMessage } from '../../../lib/view/options-webmail';

describe('webmail hosts', () => {
  it('lists exactly the patterns the manifest must offer as optional host permissions', () => {
    expect(WEBMAIL_HOST_PATTERNS).toEqual([
      'https://mail.google.com/*',
      'https://outlook.live.com/*',
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
    ]);
    expect(WEBMAIL.gmail.hostPatterns).toEqual(['https://mail.google.com/*']);
  });
  it('matches what the manifest offers (wxt.config.ts reads lib/hosts.ts), so a request is never refused for a missing entry', () => {
    expect([...WEBMAIL_HOST_PATTERNS].sort()).toEqual([...MANIFEST_WEBMAIL_PATTERNS].sort());
  });
  it('says why a switch stayed off', () => {
    expect(webmailRefusedMessage('outlook')).toBe(
      'Outlook on the web scanning stays off: the browser did not grant access to outlook.live.com, outlook.office.com, outlook.office365.com.',
    );
  });
});
