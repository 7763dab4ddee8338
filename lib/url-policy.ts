/**
 * Which URLs from pages and responses Porchlight may store, open or fetch (issue #10 §3, "Build" 3).
 * A link read from a shop page, schema.org markup or an e-mail is the page author's text: it is kept
 * only when it is `https:` and its host is on the list of whoever it claims to belong to (the shop's
 * own hosts, the page it was read from, the carrier's tracking hosts). A fetch that carries the
 * shopper's cookies (`credentials: 'include'`, the Amazon tracker) may go only to the shop's own
 * hosts. Everything else is refused with a reason, for a diagnostic that names the host, never the
 * path or query (they can hold order numbers and names).
 *
 * Hosts are compared after the WHATWG URL parser's normalisation (lower case, IDNA → punycode, so
 * `https://аmazon.com` with a Cyrillic "а" is `xn--mazon-3ve.com`, not amazon.com), on a dot boundary:
 * `smile.amazon.com` is amazon.com's, `amazon.com.evil.test` and `evilamazon.com` are not.
 * https://url.spec.whatwg.org/#host-parsing
 *
 * Pure: no browser API; the lists come from lib/hosts.ts and the carrier registry.
 */
import { getCarrier } from './carriers/registry';
import { SHOP_HOSTS } from './hosts';

/** Why a URL was refused. */
export type UrlRefusal =
  /** Not parseable, even against the page's URL. */
  | 'not_a_url'
  /** Longer than {@link MAX_URL_LENGTH}. */
  | 'too_long'
  /** Any scheme but `https:` (`http:`, `javascript:`, `data:`, `blob:`, `file:`…). */
  | 'not_https'
  /** `https://user:pass@host/`: a link has no business carrying credentials, and `https://amazon.com@evil.test` is evil.test. */
  | 'userinfo'
  /** An explicit non-default port: the shop's and carriers' sites are on 443. */
  | 'port'
  /** The host is on none of the lists that apply. */
  | 'host_not_allowed';

export type UrlCheck =
  | { ok: true; /** The normalised URL (absolute, trailing dot of the host removed). */ url: string; host: string }
  | { ok: false; reason: UrlRefusal; /** The URL's host when it has one (for the diagnostic). */ host: string | null; message: string };

/** Longer URLs are refused: no real tracking link needs more, and it bounds the work on hostile input. */
export const MAX_URL_LENGTH = 4096;

/** Diagnostic code for a dropped link (lib/shops/types Diagnostic, DiagnosticRecord in lib/db). */
export const URL_REFUSED = 'url_refused';

/** True when `host` is one of `allowed` or a subdomain of one (both lower-case ASCII, no trailing dot). */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((a) => {
    const base = a.toLowerCase();
    return h === base || h.endsWith(`.${base}`);
  });
}

export interface UrlRules {
  /** Hosts whose subdomains count too (`amazon.com` covers `www.amazon.com`). */
  hosts: readonly string[];
  /** Hosts that count only exactly (the page the link was read from). */
  exactHosts?: readonly string[];
  /** To resolve a relative link against (the page's URL). */
  base?: string | URL | null;
  /** Names the list in the refusal message ("amazon's hosts", "ups's tracking hosts"). */
  label: string;
}

function refuse(reason: UrlRefusal, host: string | null, message: string): UrlCheck {
  return { ok: false, reason, host, message };
}

/** The one check every policy below applies, with its own lists. */
export function checkUrl(raw: string | URL | null | undefined, rules: UrlRules): UrlCheck {
  const text = raw instanceof URL ? raw.href : typeof raw === 'string' ? raw.trim() : '';
  if (!text) return refuse('not_a_url', null, 'Dropped an empty link');
  if (text.length > MAX_URL_LENGTH) return refuse('too_long', null, `Dropped a link of ${text.length} characters (over ${MAX_URL_LENGTH})`);
  let u: URL;
  try {
    u = rules.base ? new URL(text, rules.base) : new URL(text);
  } catch {
    return refuse('not_a_url', null, 'Dropped a link that is not a URL');
  }
  const host = u.hostname.replace(/\.$/, '').toLowerCase();
  if (u.protocol !== 'https:') return refuse('not_https', host || null, `Dropped a ${u.protocol} link${host ? ` to ${host}` : ''}: only https links are kept`);
  if (u.username || u.password) return refuse('userinfo', host, `Dropped a link to ${host} that carries a user name or password`);
  if (u.port) return refuse('port', host, `Dropped a link to ${host} on port ${u.port}`);
  const exact = (rules.exactHosts ?? []).map((h) => h.replace(/\.$/, '').toLowerCase());
  if (!hostAllowed(host, rules.hosts) && !exact.includes(host)) {
    return refuse('host_not_allowed', host, `Dropped a link to ${host}: not one of ${rules.label}`);
  }
  if (u.hostname !== host) u.hostname = host;
  return { ok: true, url: u.href, host };
}

/** The host of a page URL, when it is an https page (an http page vouches for nothing). */
function pageHost(pageUrl: string | URL | null | undefined): string[] {
  if (!pageUrl) return [];
  try {
    const u = new URL(pageUrl);
    return u.protocol === 'https:' && !u.port && !u.username ? [u.hostname.replace(/\.$/, '').toLowerCase()] : [];
  } catch {
    return [];
  }
}

function shopHosts(shop: string | null | undefined): readonly string[] {
  return (shop && SHOP_HOSTS[shop]) || [];
}

function carrierHosts(carrier: string | null | undefined): readonly string[] {
  return (carrier && getCarrier(carrier)?.trackingHosts) || [];
}

/**
 * A link a shop's page gives (order details, track package): https, on the shop's own hosts
 * (`SHOP_HOSTS`, subdomains included) or on the exact host of the page it was read from.
 * Relative links resolve against `pageUrl`.
 */
export function shopLink(raw: string | URL | null | undefined, shop: string | null, pageUrl?: string | URL | null): UrlCheck {
  return checkUrl(raw, { hosts: shopHosts(shop), exactHosts: pageHost(pageUrl), base: pageUrl ?? null, label: `${shop ?? 'the shop'}'s hosts or the page's own` });
}

/** A link to a carrier's tracking page: https, on that carrier's `trackingHosts` (carrier registry). */
export function carrierLink(raw: string | URL | null | undefined, carrier: string | null, pageUrl?: string | URL | null): UrlCheck {
  return checkUrl(raw, { hosts: carrierHosts(carrier), base: pageUrl ?? null, label: `${carrier ?? 'an unknown carrier'}'s tracking hosts` });
}

export interface TrackLinkContext {
  /** The shop the parcel was bought at (`amazon`), when known. */
  shop?: string | null;
  /** The carrier the number belongs to, when known. */
  carrier?: string | null;
  /** The page the link was read from: relative links resolve against it, and its own host counts. */
  pageUrl?: string | URL | null;
}

/**
 * A parcel's tracking link to store or open (`trackUrl`, an order's `orderUrl`): a {@link shopLink}
 * or a {@link carrierLink}, whichever the context allows.
 */
export function trackLink(raw: string | URL | null | undefined, ctx: TrackLinkContext): UrlCheck {
  return checkUrl(raw, {
    hosts: [...shopHosts(ctx.shop), ...carrierHosts(ctx.carrier)],
    exactHosts: pageHost(ctx.pageUrl),
    base: ctx.pageUrl ?? null,
    label: [ctx.shop && `${ctx.shop}'s hosts`, ctx.carrier && `${ctx.carrier}'s tracking hosts`, ctx.pageUrl && "the page's own"].filter(Boolean).join(', ') || 'any known host',
  });
}

/**
 * Whether a fetch that carries the shopper's session (`credentials: 'include'`) may go to `raw`: only
 * https on the shop's own hosts. Not the page's host, not a carrier's: cookies go only to the shop
 * that set them. Check the response's final URL too (`Response.url`, after redirects) before
 * reading it as the shop's page.
 */
export function credentialedFetchTarget(raw: string | URL | null | undefined, shop: string): UrlCheck {
  return checkUrl(raw, { hosts: shopHosts(shop), label: `${shop}'s own hosts` });
}

/** A diagnostic for a refused URL, in the shop readers' shape (lib/shops/types `Diagnostic`). */
export function urlRefusedDiagnostic<K extends string>(check: Extract<UrlCheck, { ok: false }>, pageKind: K): { code: string; message: string; pageKind: K } {
  return { code: URL_REFUSED, message: `${check.message} (${check.reason})`, pageKind };
}
