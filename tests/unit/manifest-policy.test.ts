/**
 * The manifest checker the build tier runs on the real builds (tests/build/manifest.build.test.ts)
 * must catch every breach of issue #10's rules: each case below breaks one rule on a manifest that
 * otherwise keeps them all.
 */
import { describe, expect, it } from 'vitest';
import { type BuiltManifest, type ManifestPolicy, manifestProblems, parseCsp, permissionsOf, readmeHosts } from '../support/manifest-policy';

const AMAZON = ['https://www.amazon.com/*', 'https://amazon.com/*'];
const OPTIONAL = ['https://onlinetools.ups.com/*', 'https://mail.google.com/*'];
const API = ['storage', 'alarms'];
const POLICY: ManifestPolicy = { requiredHosts: AMAZON, optionalHosts: OPTIONAL, apiPermissions: API, contentScriptHosts: ['amazon.com'] };
const CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

function mv3(over: Partial<BuiltManifest> = {}): BuiltManifest {
  return {
    manifest_version: 3,
    permissions: [...API],
    host_permissions: [...AMAZON],
    optional_host_permissions: [...OPTIONAL],
    content_scripts: [{ matches: ['https://*.amazon.com/gp/css/order-history*'], js: ['content-scripts/amazon.js'] }],
    content_security_policy: { extension_pages: CSP },
    ...over,
  };
}

function mv2(over: Partial<BuiltManifest> = {}): BuiltManifest {
  return {
    manifest_version: 2,
    permissions: [...API, ...AMAZON],
    optional_permissions: [...OPTIONAL],
    content_scripts: [{ matches: ['https://*.amazon.com/gp/css/order-history*'], js: ['content-scripts/amazon.js'] }],
    content_security_policy: CSP,
    ...over,
  };
}

describe('manifestProblems', () => {
  it('passes a manifest that keeps every rule, MV3 and MV2', () => {
    expect(manifestProblems(mv3(), POLICY)).toEqual([]);
    expect(manifestProblems(mv2(), POLICY)).toEqual([]);
  });

  it('reads MV2 host patterns out of permissions and optional_permissions', () => {
    expect(permissionsOf(mv2())).toEqual({ requiredHosts: AMAZON, optionalHosts: OPTIONAL, api: API, optionalApi: [] });
  });

  it.each<[string, BuiltManifest, RegExp]>([
    ['a required host added', mv3({ host_permissions: [...AMAZON, 'https://apis.fedex.com/*'] }), /required hosts: unexpected https:\/\/apis\.fedex\.com/],
    ['a required host added (MV2)', mv2({ permissions: [...API, ...AMAZON, 'https://mail.google.com/*'] }), /required hosts: unexpected https:\/\/mail\.google\.com/],
    ['a required host missing', mv3({ host_permissions: [AMAZON[0]!] }), /required hosts: missing https:\/\/amazon\.com/],
    ['an optional host missing', mv3({ optional_host_permissions: [OPTIONAL[0]!] }), /optional hosts: missing https:\/\/mail\.google\.com/],
    ['<all_urls> required', mv3({ host_permissions: [...AMAZON, '<all_urls>'] }), /<all_urls> reaches every site/],
    ['every subdomain required', mv3({ host_permissions: [...AMAZON, 'https://*.example.com/*'] }), /every subdomain/],
    ['plain http', mv3({ host_permissions: [...AMAZON, 'http://www.amazon.com/*'] }), /not https only/],
    ['the demo host', mv3({ host_permissions: [...AMAZON, 'https://api.demo-carrier.test/*'] }), /demo or test host/],
    ['a loopback host', mv3({ optional_host_permissions: [...OPTIONAL, 'https://localhost/*'] }), /demo or test host/],
    ['an API permission added', mv3({ permissions: [...API, 'tabs'] }), /API permissions: unexpected tabs/],
    ['an optional API permission', mv2({ optional_permissions: [...OPTIONAL, 'history'] }), /optional API permissions: unexpected history/],
    ['a content script on every Amazon page', mv3({ content_scripts: [{ matches: ['https://*.amazon.com/*'] }] }), /every page of the host/],
    ['a content script on another site', mv3({ content_scripts: [{ matches: ['https://*.ebay.com/orders*'] }] }), /outside 1 allowed hosts/],
    ['a content script everywhere', mv3({ content_scripts: [{ matches: ['<all_urls>'], js: ['x.js'] }] }), /runs everywhere/],
    ['no CSP', mv3({ content_security_policy: undefined }), /none declared/],
    ['eval allowed', mv3({ content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'; object-src 'none'" } }), /unsafe-eval/],
    ['a remote script host', mv2({ content_security_policy: "script-src 'self' https://cdn.example.com; object-src 'self'" }), /remote or inline code/],
    ['object-src open', mv3({ content_security_policy: { extension_pages: "script-src 'self'; object-src *" } }), /object-src must be/],
    ['web-accessible files', mv3({ web_accessible_resources: [{ resources: ['popup.html'], matches: ['<all_urls>'] }] }), /web_accessible_resources/],
    ['pages may message it', mv3({ externally_connectable: { matches: ['https://*.amazon.com/*'] } }), /externally_connectable/],
  ])('fails on %s', (_name, manifest, problem) => {
    const problems = manifestProblems(manifest, POLICY);
    expect(problems.some((p) => problem.test(p)), problems.join('\n')).toBe(true);
  });

  it('allows the demo host only in a variant that says so', () => {
    const withDemo = mv3({ host_permissions: [...AMAZON, 'https://api.demo-carrier.test/*'] });
    expect(manifestProblems(withDemo, { ...POLICY, requiredHosts: [...AMAZON, 'https://api.demo-carrier.test/*'], allowTestHosts: true })).toEqual([]);
  });
});

describe('parseCsp', () => {
  it('splits directives and their sources', () => {
    expect(parseCsp("script-src 'self'; object-src 'none';")).toEqual({ 'script-src': ["'self'"], 'object-src': ["'none'"] });
  });
});

describe('readmeHosts', () => {
  const readme = [
    '# X',
    '## Privacy and permissions',
    'Intro with `https://not.counted/*`.',
    '**Asked for at install**: `https://www.amazon.com/*` `https://amazon.com/*`.',
    '**Optional**, when you turn it on:',
    '',
    '| feature | hosts |',
    '|---|---|',
    '| UPS | `https://onlinetools.ups.com/*` |',
    '',
    'Afterwards `https://also.not.counted/*`.',
    '## Next',
    '`https://nor.this/*`',
  ].join('\n');

  it('reads the required list and the optional table, nothing around them', () => {
    expect(readmeHosts(readme)).toEqual({ required: AMAZON, optional: ['https://onlinetools.ups.com/*'] });
  });

  it('fails loudly when the markers are gone', () => {
    expect(() => readmeHosts(readme.replace('**Optional**', 'Optional'))).toThrow(/lacks/);
  });
});
