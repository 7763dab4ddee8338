import { NOT_RECEIVED_CODE } from '../engine/user-report';
import type { Translate } from '../i18n/translate';
import type { TrackingEvent } from '../model/types';

/**
 * What an event says, in the shopper's language where Porchlight wrote it: the shopper's own report
 * ("not received", lib/engine/user-report.ts) is stored with an English description for the files
 * that export it, and is said from its code wherever it is shown (the popup's timeline, the claim
 * kit; issue #13 §2). A carrier's or shop's words are shown as they wrote them.
 */
export function eventDescription(e: Pick<TrackingEvent, 'source' | 'code' | 'description'>, t: Translate): string {
  return e.source === 'user' && e.code === NOT_RECEIVED_CODE ? t('eventNotReceived') : e.description;
}
