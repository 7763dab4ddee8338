/**
 * The one place the demo carrier joins the registries, and only in builds that define
 * `__PORCHLIGHT_DEMO__` as true (lib/build-flags.d.ts). In a production build the condition is the
 * literal `false`: both lists are empty and nothing of lib/carriers/demo is bundled.
 */
import type { CarrierClient } from '../client';
import type { CarrierDefinition } from '../definition';
import { demoClient } from './api-client';
import { demo } from './index';

const ON = typeof __PORCHLIGHT_DEMO__ !== 'undefined' && __PORCHLIGHT_DEMO__ === true;

/** The demo carrier's number format and tracking page, when this build has the demo. */
export const DEMO_CARRIERS: readonly CarrierDefinition[] = ON ? [demo] : [];

/** The demo carrier's API client, when this build has the demo. */
export const DEMO_CLIENT: CarrierClient | null = ON ? demoClient : null;
