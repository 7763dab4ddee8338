/**
 * The toolbar badge: how many packages need the shopper's attention now. A package counts when it is
 * neither archived nor muted and its *current* alerts (evaluateAlerts on its present state, so a
 * resolved exception stops counting) include a warning or critical one the user has not dismissed.
 */
import type { AlertSeverity, Package } from '../model/types';

export function badgeCount(
  packages: ReadonlyArray<Pick<Package, 'id' | 'archived' | 'muted'>>,
  currentAlerts: ReadonlyArray<{ key: string; packageId: string; severity: AlertSeverity }>,
  dismissedKeys: Iterable<string> = [],
): number {
  const dismissed = new Set(dismissedKeys);
  const needy = new Set(
    currentAlerts
      .filter((a) => (a.severity === 'warning' || a.severity === 'critical') && !dismissed.has(a.key))
      .map((a) => a.packageId),
  );
  return packages.filter((p) => !p.archived && !p.muted && needy.has(p.id)).length;
}

/** Badge text: empty at zero (no badge), `99+` beyond. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}
