// TEMPORARY until the URL policy of branch h/privilege lands.
import { AMAZON_HOSTS } from './hosts';

function hostOk(host: string): boolean {
  return AMAZON_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

export function isAmazonUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password && hostOk(u.hostname);
  } catch {
    return false;
  }
}

export function safeShopLink(href: string, pageUrl: string): string | null {
  try {
    const u = new URL(href, pageUrl);
    const page = new URL(pageUrl);
    if (u.protocol !== 'https:' || u.username || u.password) return null;
    return hostOk(u.hostname) || u.hostname === page.hostname ? u.href : null;
  } catch {
    return null;
  }
}
