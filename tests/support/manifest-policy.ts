/**
 * What a built manifest may ask for (issue #10, "Build" 1), as a checker that lists every breach.
 * tests/build/manifest.build.test.ts runs it on the manifests `wxt build` wrote; the unit tier
 * (tests/unit/manifest-policy.test.ts) proves on hand-made manifests that each rule can fail.
 *
 * Manifest V3 (Chrome) keeps host patterns in `host_permissions` / `optional_host_permissions`;
 * Manifest V2 (Firefox) mixes them into `permissions` / `optional_permissions`.
 * https://developer.chrome.com/docs/extensions/reference/manifest
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/permissions
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BuiltManifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[] }[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  [key: string]: unknown;
}

export interface ManifestPolicy {
  /** Exactly these host patterns are required at install. */
  requiredHosts: readonly string[];
  /** Exactly these are optional (asked for when a feature is turned on). */
  optionalHosts: readonly string[];
  /** Exactly these API permissions (no host patterns). */
  apiPermissions: readonly string[];
  /** Registrable hosts content scripts may match (subdomains included), each only on specific paths. */
  contentScriptHosts: readonly string[];
  /** Demo and test hosts (`.test`, loopback) are allowed only in the demo and E2E variants. */
  allowTestHosts?: boolean;
  /**
   * Extension files web pages may load: none, except in the E2E Firefox build, whose tier opens the
   * popup and options from a link because WebDriver BiDi cannot navigate to moz-extension:// (issue #16).
   */
  webAccessibleForTests?: readonly string[];
  /**
   * Wildcard hosts granted at install in the E2E Chrome build only: the shops' and "any site" (issue #15),
   * optional everywhere else, granted there because a test cannot click Chrome's permission prompt.
   */
  wildcardHostsForTests?: readonly string[];
}

const WILDCARD_HOSTS = new Set(['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*', '*://*', 'file:///*']);

function isHostPattern(p: string): boolean {
  return p === '<all_urls>' || /^[a-z*]+:\/\//.test(p);
}

/** Required and optional host patterns and API permissions, whatever the manifest version. */
export function permissionsOf(m: BuiltManifest): { requiredHosts: string[]; optionalHosts: string[]; api: string[]; optionalApi: string[] } {
  const perms = m.permissions ?? [];
  const optional = m.optional_permissions ?? [];
  return {
    requiredHosts: [...(m.host_permissions ?? []), ...perms.filter(isHostPattern)],
    optionalHosts: [...(m.optional_host_permissions ?? []), ...(m.manifest_version === 2 ? optional.filter(isHostPattern) : [])],
    api: perms.filter((p) => !isHostPattern(p)),
    optionalApi: optional.filter((p) => !isHostPattern(p)),
  };
}

/** The host of a match pattern (`https://*.amazon.com/gp/*` → `*.amazon.com`), or null for `<all_urls>`. */
export function patternHost(pattern: string): string | null {
  const m = /^[a-z*]+:\/\/([^/]*)/.exec(pattern);
  return m ? m[1]! : null;
}

function isTestHost(host: string): boolean {
  const h = host.replace(/^\*\./, '').toLowerCase();
  return h.endsWith('.test') || h === 'test' || h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '[::1]' || h.includes('demo');
}

function diff(label: string, actual: readonly string[], expected: readonly string[]): string[] {
  const out: string[] = [];
  const want = new Set(expected);
  const have = new Set(actual);
  for (const a of actual) if (!want.has(a)) out.push(`${label}: unexpected ${a}`);
  for (const e of expected) if (!have.has(e)) out.push(`${label}: missing ${e}`);
  if (have.size !== actual.length) out.push(`${label}: listed twice: ${actual.filter((a, i) => actual.indexOf(a) !== i).join(', ')}`);
  return out;
}

/** The extension pages' policy (MV3 `extension_pages`, MV2 the string). */
export function extensionCsp(m: BuiltManifest): string | null {
  const csp = m.content_security_policy;
  if (typeof csp === 'string') return csp;
  return csp?.extension_pages ?? null;
}

/** Directives of a CSP string: `script-src 'self'` → `{ 'script-src': ["'self'"] }`. */
export function parseCsp(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}

function cspProblems(m: BuiltManifest): string[] {
  const csp = extensionCsp(m);
  if (!csp) return ['content_security_policy: none declared (the browser default is not stated in the manifest)'];
  const d = parseCsp(csp);
  const out: string[] = [];
  const scripts = d['script-src'] ?? d['default-src'];
  if (!scripts) out.push('content_security_policy: no script-src');
  else if (scripts.length !== 1 || scripts[0] !== "'self'") out.push(`content_security_policy: script-src must be 'self' only, is ${scripts.join(' ')}`);
  const objects = d['object-src'] ?? d['default-src'];
  if (!objects || !objects.every((v) => v === "'none'" || v === "'self'")) out.push(`content_security_policy: object-src must be 'none' or 'self', is ${objects?.join(' ') ?? 'unset'}`);
  for (const [name, values] of Object.entries(d)) {
    for (const v of values) {
      if (/^'unsafe-(eval|inline|hashes)'$|^'wasm-unsafe-eval'$/.test(v)) out.push(`content_security_policy: ${name} allows ${v}`);
      if (name.endsWith('script-src') && v !== "'self'" && v !== "'none'") out.push(`content_security_policy: ${name} allows remote or inline code (${v})`);
    }
  }
  return out;
}

/** Every way `m` breaks `policy`, as readable lines; empty when it keeps it. */
export function manifestProblems(m: BuiltManifest, policy: ManifestPolicy): string[] {
  const p = permissionsOf(m);
  const out: string[] = [];
  out.push(...diff('required hosts', p.requiredHosts, policy.requiredHosts));
  out.push(...diff('optional hosts', p.optionalHosts, policy.optionalHosts));
  out.push(...diff('API permissions', p.api, policy.apiPermissions));
  if (p.optionalApi.length) out.push(`optional API permissions: unexpected ${p.optionalApi.join(', ')}`);

  for (const h of p.requiredHosts) {
    const forTests = policy.wildcardHostsForTests?.includes(h) === true;
    if (!forTests && (WILDCARD_HOSTS.has(h) || patternHost(h)?.startsWith('*'))) out.push(`required hosts: ${h} reaches every site or every subdomain`);
    if (!h.startsWith('https://')) out.push(`required hosts: ${h} is not https only`);
  }
  for (const h of p.optionalHosts) if (h !== '<all_urls>' && !h.startsWith('https://')) out.push(`optional hosts: ${h} is not https only`);

  const everyHost = [...p.requiredHosts, ...p.optionalHosts, ...(m.content_scripts ?? []).flatMap((c) => c.matches ?? [])];
  if (!policy.allowTestHosts) {
    for (const h of everyHost) {
      const host = patternHost(h);
      if (host && isTestHost(host)) out.push(`hosts: demo or test host ${h} in a production manifest`);
    }
  }

  for (const cs of m.content_scripts ?? []) {
    for (const match of cs.matches ?? []) {
      if (WILDCARD_HOSTS.has(match)) {
        out.push(`content script ${cs.js?.join(',')}: runs everywhere (${match})`);
        continue;
      }
      const host = patternHost(match) ?? '';
      const bare = host.replace(/^\*\./, '');
      if (!match.startsWith('https://')) out.push(`content script: ${match} is not https only`);
      if (!policy.contentScriptHosts.includes(bare)) out.push(`content script: ${match} is outside ${policy.contentScriptHosts.length} allowed hosts`);
      const path = match.slice(match.indexOf(host) + host.length);
      if (path === '/*' || path === '/' || path === '') out.push(`content script: ${match} runs on every page of the host, not only order and track paths`);
    }
  }

  const war = m.web_accessible_resources ?? [];
  const allowedWar = policy.webAccessibleForTests ?? [];
  if (war.length && JSON.stringify(war) !== JSON.stringify(allowedWar)) out.push(`web_accessible_resources: pages can load extension files (${JSON.stringify(war)})`);
  if (allowedWar.length && !war.length) out.push('web_accessible_resources: the test pages are missing');
  if (m.externally_connectable) out.push('externally_connectable: web pages can message the extension');
  out.push(...cspProblems(m));
  return out;
}

/** Files under `dir` (relative paths) whose text contains one of `needles`, with the needle found. */
export function filesContaining(dir: string, needles: readonly string[], exts = ['.js', '.html', '.json', '.css']): { file: string; needle: string }[] {
  const out: { file: string; needle: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (exts.some((e) => name.endsWith(e))) {
        const text = readFileSync(path, 'utf8');
        for (const n of needles) if (text.includes(n)) out.push({ file: relative(dir, path), needle: n });
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * The host lists of the README's "Privacy and permissions" section: the backticked patterns between
 * "**Asked for at install**" and "**Optional**", and those from "**Optional**" to the end of its table.
 */
export function readmeHosts(readme: string): { required: string[]; optional: string[] } {
  const start = readme.indexOf('## Privacy and permissions');
  if (start < 0) throw new Error('README has no "## Privacy and permissions" section');
  const rest = readme.slice(start + 1);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  const reqAt = section.indexOf('**Asked for at install**');
  const optAt = section.indexOf('**Optional**');
  if (reqAt < 0 || optAt < 0 || optAt < reqAt) throw new Error('README privacy section lacks "**Asked for at install**" followed by "**Optional**"');
  const afterOpt = section.slice(optAt);
  // The optional list ends with its table: the first blank line after a table row.
  const tableEnd = afterOpt.search(/\|\s*\n\s*\n/);
  const patterns = (s: string) => [...s.matchAll(/`((?:https?|\*):\/\/[^`\s]+|<all_urls>)`/g)].map((x) => x[1]!);
  return {
    required: patterns(section.slice(reqAt, optAt)),
    optional: patterns(tableEnd < 0 ? afterOpt : afterOpt.slice(0, tableEnd + 1)),
  };
}
