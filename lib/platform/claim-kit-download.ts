/**
 * One parcel's claim kit saved as a file (issue #12 §4), from the options page's Data section and
 * from the popup's package view ("the package view for one package", §1): one way to make it.
 */
import { packageRecord } from '../db/backup-store';
import type { PorchlightDb } from '../db/database';
import { claimKitHtml } from '../export/claim-kit';
import { claimKitFileName, claimKitSavedText } from '../view/options-data';
import { saveFile } from './files';
import type { Translate } from '../i18n/translate';

export async function downloadClaimKit(
  db: PorchlightDb,
  id: string,
  now: number,
  timeZone: string,
  /** The page's own translator (the options page's, the popup's): the kit speaks the shopper's language. */
  t: Translate,
  save: typeof saveFile = saveFile,
): Promise<{ name: string; bytes: number; text: string } | null> {
  const record = await packageRecord(db, id);
  if (!record) return null;
  const name = claimKitFileName(record.pkg, now, timeZone);
  const bytes = await save(name, 'text/html;charset=utf-8', [claimKitHtml({ ...record, now, timeZone, t })]);
  return { name, bytes, text: claimKitSavedText(name, bytes) };
}
