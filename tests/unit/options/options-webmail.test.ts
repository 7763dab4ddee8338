import { describe, expect, it } from 'vitest';
import { WEBMAIL_HOST_PATTERNS as MANIFEST_WEBMAIL_PATTERNS } from '../../../lib/hosts';
import { WEBMAIL, WEBMAIL_IDS, webmailRefusedMessage } from '../../../lib/view/options-webmail';
import { EN } from '../../support/i18n';

/** What the section's switches ask for, all of them. */
const requested = WEBMAIL_IDS.flatMap((id) => WEBMAIL[id].hostPatterns);

describe('webmail hosts', () => {
  it('lists exactly the patterns the manifest must offer as optional host permissions', () => {
    expect(requested).toEqual([
      'https://mail.google.com/*',
      'https://outlook.live.com/*',
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
    ]);
    expect(WEBMAIL.gmail.hostPatterns).toEqual(['https://mail.google.com/*']);
  });
  it('matches what the manifest offers (wxt.config.ts reads lib/hosts.ts), so a request is never refused for a missing entry', () => {
    expect([...requested].sort()).toEqual([...MANIFEST_WEBMAIL_PATTERNS].sort());
  });
  it('says why a switch stayed off', () => {
    expect(webmailRefusedMessage('outlook', EN.t)).toBe(
      'Outlook on the web scanning stays off: the browser did not grant access to outlook.live.com, outlook.office.com, outlook.office365.com.',
    );
  });
});
