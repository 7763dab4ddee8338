import type { ProviderRoutes } from '../types';
import { demoProvider } from './demo';

/** Every provider the local carrier server plays. One file per provider. */
export const PROVIDERS: ProviderRoutes[] = [demoProvider()];
