// The background service worker: thin wiring. Listeners are registered synchronously in main() so a
// worker woken by an event finds its listener (MV3 lifecycle:
// https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
import { getDb } from '@/lib/db/database';
import { createBackgroundApp, registerListeners } from '@/lib/platform/background-app';

export default defineBackground(() => {
  const db = getDb();
  const app = createBackgroundApp(db);
  registerListeners(app, db);
  // A worker woken by anything re-arms its alarms and replays what a killed worker left due.
  void app.ensureAlarms();
});
