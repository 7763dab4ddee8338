/**
 * The options page's "Webmail scanning" section, pure: which hosts each webmail needs. Scanning is
 * opt-in; the host permission is requested when the user turns a webmail on and removed when they
 * turn it off. The hosts come from lib/hosts.ts, which the manifest's optional permissions are built
 * from (wxt.config.ts): a host missing there would make the browser refuse the request.
 */
import { WEBMAIL_HOSTS } from '../hosts';
import type { Translate } from '../i18n/translate';
import type { Settings } from '../settings';

export type WebmailId = keyof Settings['webmail'];

export interface WebmailInfo {
  id: WebmailId;
  name: string;
  hostPatterns: readonly string[];
  description: string;
}

/** The hosts each webmail needs; its name and description are words, in {@link webmailInfo}. */
export const WEBMAIL: Readonly<Record<WebmailId, { id: WebmailId; hostPatterns: readonly string[] }>> = {
  gmail: { id: 'gmail', hostPatterns: WEBMAIL_HOSTS.gmail },
  outlook: { id: 'outlook', hostPatterns: WEBMAIL_HOSTS.outlook },
};

export const WEBMAIL_IDS = Object.keys(WEBMAIL) as WebmailId[];

const hostsOf = (id: WebmailId) => WEBMAIL[id].hostPatterns.map((p) => new URL(p.replace('/*', '/')).host).join(', ');

/** A webmail with its name and description in the shopper's language (issue #13 §2). */
export function webmailInfo(id: WebmailId, t: Translate): WebmailInfo {
  const name = t(id === 'gmail' ? 'optionsWebmailGmailName' : 'optionsWebmailOutlookName');
  const description = id === 'gmail' ? t('optionsWebmailGmailHint', hostsOf(id)) : t('optionsWebmailOutlookHint', hostsOf(id));
  return { ...WEBMAIL[id], name, description };
}

/** The message shown when the browser refuses the permission (the switch stays off). */
export function webmailRefusedMessage(id: WebmailId, t: Translate): string {
  return t('optionsWebmailRefused', webmailInfo(id, t).name, hostsOf(id));
}
