import type { ProviderRoutes } from '../types';
import { seventeenTrackProvider } from './17track';
import { demoProvider } from './demo';
import { dhlProvider } from './dhl';
import { fedexProvider } from './fedex';
import { ship24Provider } from './ship24';
import { upsProvider } from './ups';
import { uspsProvider } from './usps';

/** Every provider the local carrier server plays. One file per provider. */
export const PROVIDERS: ProviderRoutes[] = [
  demoProvider(),
  upsProvider(),
  uspsProvider(),
  fedexProvider(),
  dhlProvider(),
  seventeenTrackProvider(),
  ship24Provider(),
];
