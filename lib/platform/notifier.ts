import { browser } from 'wxt/browser';
import type { PorchlightDb } from '../db/database';
import { notifications as notificationsRepo } from '../db/repositories';
import { type NotificationDraft, toNotificationRecord } from '../notify/decide-notifications';

/**
 * Shows a desktop notification and keeps a record of it (the user's history, what a click opens, and
 * what tests read). The id comes from the policy: the same alerts give the same id, so a re-run
 * replaces a notification rather than doubling it.
 */
export async function showNotification(db: PorchlightDb, draft: NotificationDraft, now: number): Promise<string> {
  await browser.notifications.create(draft.id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: draft.title,
    message: draft.message,
    priority: draft.priority,
  });
  await notificationsRepo.add(db, toNotificationRecord(draft, now));
  return draft.id;
}
