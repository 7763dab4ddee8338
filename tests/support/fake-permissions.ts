/**
 * `browser.permissions` as Chrome implements it, for unit tests (WXT's fake browser leaves it
 * unmocked): a request for an origin the manifest does not declare optional throws ("Only
 * permissions specified in the manifest may be requested"), a request resolves with the shopper's
 * answer and grants on yes, remove gives back. The manifest's optional list is lib/hosts.ts
 * OPTIONAL_HOST_PATTERNS, which tests/build/manifest.build.test.ts holds equal to the built manifests.
 * https://developer.chrome.com/docs/extensions/reference/api/permissions#method-request
 */
import { vi } from 'vitest';
import { browser } from 'wxt/browser';

export interface FakePermissions {
  granted: Set<string>;
  /** The shopper's answer to the next prompts. */
  answer: { grant: boolean };
  /** Origins of each request and each removal, in order. */
  requests: string[][];
  removals: string[][];
}

export function fakePermissions(declaredOptional: readonly string[], required: readonly string[] = []): FakePermissions {
  const state: FakePermissions = { granted: new Set(required), answer: { grant: true }, requests: [], removals: [] };
  const declared = new Set(declaredOptional);
  type Api = { request(p: { origins?: string[] }): Promise<boolean>; remove(p: { origins?: string[] }): Promise<boolean>; getAll(): Promise<{ origins?: string[]; permissions?: string[] }> };
  const p = browser.permissions as unknown as Api;
  vi.spyOn(p, 'request').mockImplementation(async ({ origins = [] }) => {
    const undeclared = origins.filter((o) => !declared.has(o));
    if (undeclared.length) throw new Error(`Only permissions specified in the manifest may be requested (${undeclared.join(', ')}).`);
    state.requests.push([...origins]);
    if (state.answer.grant) for (const o of origins) state.granted.add(o);
    return state.answer.grant;
  });
  vi.spyOn(p, 'remove').mockImplementation(async ({ origins = [] }) => {
    if (origins.some((o) => required.includes(o))) throw new Error('You cannot remove required permissions.');
    state.removals.push([...origins]);
    for (const o of origins) state.granted.delete(o);
    return true;
  });
  vi.spyOn(p, 'getAll').mockImplementation(async () => ({ origins: [...state.granted], permissions: [] }));
  return state;
}
