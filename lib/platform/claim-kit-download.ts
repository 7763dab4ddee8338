/**
 * One parcel's claim kit saved as a file (issue #12 §4), from the options page's Data section and
 * from the popup's package view ("the package view for one package", §1): one way to make it.
 */
import { packageRecord } from '../db/backup-store';
import type { PorchlightDb } from '../db/database';
import { claimKitHtml } from '../export/claim-kit';
import { claimKitFileName, claimKitSavedText } from '../view/options-data';
import type { UiText } from '../i18n/translate';
import { saveFile } from './files';

export async function downloadClaimKit(
  db: PorchlightDb,
  id: string,
  now: number,
  timeZone: string,
  ui: UiText,
  save: typeof saveFile = saveFile,
): Promise<{ name: string; bytes: number; text: string } | null> {
  const record = await packageRecord(db, id);
  if (!record) return null;
  const name = claimKitFileName(record.pkg, now, timeZone);
  const bytes = await save(name, 'text/html;charset=utf-8', [claimKitHtml({ ...record, now, timeZone, ui })]);
  return { name, bytes, text: claimKitSavedText(ui, name, bytes) };
}
