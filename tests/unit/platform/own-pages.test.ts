/**
 * The messages that read or change the shopper's data answer only Porchlight's own pages (issue #13
 * review): a content script runs inside a shop's page, and its sender is that page.
 */
import { describe, expect, it } from 'vitest';
import { isOwnPage } from '../../../lib/platform/background-app';

const OWN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';

describe('messages from its own pages only', () => {
  it("the popup and the options page are its own; a shop's page, another extension and no URL are not", () => {
    expect(isOwnPage({ url: `${OWN}popup.html` }, OWN)).toBe(true);
    expect(isOwnPage({ url: `${OWN}options.html#sync` }, OWN)).toBe(true);
    expect(isOwnPage({ url: 'moz-extension://0b7a5e3c-1111-4222-8333-444455556666/popup.html' }, 'moz-extension://0b7a5e3c-1111-4222-8333-444455556666/')).toBe(true);
    for (const url of ['https://www.amazon.com/gp/your-account/order-history', 'chrome-extension://otherextensionidotherextensionid/popup.html', `https://evil.example/${OWN}`, undefined]) {
      expect(isOwnPage({ url }, OWN)).toBe(false);
    }
    expect(isOwnPage(undefined, OWN)).toBe(false);
    // An origin that could not be read never lets everything through.
    expect(isOwnPage({ url: `${OWN}popup.html` }, '')).toBe(false);
  });
});
