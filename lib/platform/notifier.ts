import { browser } from 'wxt/browser';
import type { PorchlightDb } from '../db/database';
import { notifications as notificationsRepo } from '../db/repositories';
import { stableHash } from '../model/keys';

export interface NotificationDraft {
  title: string;
  message: string;
  packageIds: string[];
  alertKeys: string[];
}

/**
 * Shows a desktop notification and keeps a record of it (the user's history, and what tests read).
 * The id encodes the package so a click can open it.
 */
export async function showNotification(db: PorchlightDb, draft: NotificationDraft, now: number): Promise<string> {
  // Unique per alert set (two alerts for one package in one round are two notifications).
  const id = `pl:${stableHash(draft.alertKeys.join(','))}${now.toString(36)}:${draft.packageIds.join('|')}`.slice(0, 500);
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: draft.title,
    message: draft.message,
    priority: 1,
  });
  await notificationsRepo.add(db, { id, ...draft, createdAt: now });
  return id;
}

/** Package ids a notification was about (see {@link showNotification}). */
export function packageIdsOfNotification(id: string): string[] {
  if (!id.startsWith('pl:')) return [];
  return id.split(':').slice(2).join(':').split('|').filter(Boolean);
}
