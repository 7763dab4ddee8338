/**
 * "Credentials are sent only to their own provider's host" (issue #5, Auth).
 *
 * How it is enforced: every request a carrier client makes that carries a credential (API key header,
 * Basic auth, OAuth token or client secret) goes through {@link credentialTarget} first. A URL passes
 * only when it is
 *   1. `https:` on one of the client's own hosts (`CarrierClient.hosts`), or
 *   2. under the explicit `ctx.baseUrl` override *and* that override points at loopback
 *      (127.0.0.0/8, `localhost`, `::1`). The engine sets `baseUrl` only for the local carrier server
 *      (integration tests, demo); a non-loopback override is refused.
 * Anything else is refused before a byte is sent, and fetches use `redirect: 'error'` so a 3xx can
 * never carry a credential to another host. The E2E suite maps the real carrier host names to
 * loopback at the browser's resolver instead, which rule 1 already allows.
 */
import type { TrackError } from './client';

/** Loopback host names and addresses (IPv4 127/8, IPv6 ::1, `localhost` and its subdomains). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The base URL a client must use: its production base, or a loopback override. */
export function resolveBase(
  label: string,
  productionBase: string,
  override: string | undefined,
): { ok: true; base: string } | { ok: false; error: TrackError } {
  if (override === undefined) return { ok: true, base: productionBase };
  let u: URL;
  try {
    u = new URL(override);
  } catch {
    return { ok: false, error: { kind: 'network', message: `${label}: base URL override is not a URL` } };
  }
  if (!isLoopbackHost(u.hostname)) {
    return {
      ok: false,
      error: {
        kind: 'network',
        message: `${label}: refusing to send credentials to ${u.hostname}: a base URL override must be loopback`,
      },
    };
  }
  return { ok: true, base: override.replace(/\/+$/, '') };
}

/**
 * Whether a credentialed request to `url` is allowed: null when it is, a typed error when not.
 * `override` is `ctx.baseUrl` (only a loopback override counts).
 */
export function credentialTarget(
  label: string,
  url: URL,
  ownHosts: readonly string[],
  override: string | undefined,
): TrackError | null {
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'https:' && ownHosts.includes(host)) return null;
  if (override !== undefined) {
    try {
      const o = new URL(override);
      if (isLoopbackHost(o.hostname) && o.origin === url.origin) return null;
    } catch {
      // fall through to the refusal
    }
  }
  return {
    kind: 'network',
    message: `${label}: refusing to send credentials to ${url.protocol}//${host}: not one of ${ownHosts.join(', ')}`,
  };
}
