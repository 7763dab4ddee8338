/**
 * The options page's "Webmail scanning" section, pure: which hosts each webmail needs. Scanning is
 * opt-in; the host permission is requested when the user turns a webmail on and removed when they
 * turn it off. The hosts come from lib/hosts.ts, which the manifest's optional permissions are built
 * from (wxt.config.ts): a host missing there would make the browser refuse the request.
 */
import { WEBMAIL_HOSTS } from '../hosts';
import type { Settings } from '../settings';

export type WebmailId = keyof Settings['webmail'];

export interface WebmailInfo {
  id: WebmailId;
  name: string;
  hostPatterns: readonly string[];
  description: string;
}

export const WEBMAIL: Readonly<Record<WebmailId, WebmailInfo>> = {
  gmail: {
    id: 'gmail',
    name: 'Gmail',
    hostPatterns: WEBMAIL_HOSTS.gmail,
    description: 'Reads shipping e-mails you open in Gmail on the web (mail.google.com).',
  },
  outlook: {
    id: 'outlook',
    name: 'Outlook on the web',
    hostPatterns: WEBMAIL_HOSTS.outlook,
    description: 'Reads shipping e-mails you open in Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com).',
  },
};

export const WEBMAIL_IDS = Object.keys(WEBMAIL) as WebmailId[];

/** The message shown when the browser refuses the permission (the switch stays off). */
export function webmailRefusedMessage(id: WebmailId): string {
  return `${WEBMAIL[id].name} scanning stays off: the browser did not grant access to ${WEBMAIL[id].hostPatterns
    .map((p) => new URL(p.replace('/*', '/')).host)
    .join(', ')}.`;
}
