/**
 * The built-in demo carrier's API host, mapped to loopback by `npm start` and the E2E suite. Only the
 * demo and E2E builds reach this module (lib/carriers/demo/registration.ts; wxt.config.ts adds the
 * host to those builds' manifests).
 */
export const DEMO_CARRIER_HOST = 'api.demo-carrier.test';

export const DEMO_HOST_PATTERNS: readonly string[] = [`https://${DEMO_CARRIER_HOST}/*`];
