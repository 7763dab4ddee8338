import type { Status } from '../model/status';
import type { Order, Package, TrackingEvent } from '../model/types';

/** What changed about a package in one ingest or refresh; alerting and notifications start here. */
export interface PackageChange {
  pkg: Package;
  /** null for a package seen for the first time. */
  previousStatus: Status | null;
  newEvents: TrackingEvent[];
  isNew: boolean;
  order?: Order | null;
}
