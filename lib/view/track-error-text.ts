import type { BudgetRefusal } from '../carriers/client';
import { isConfigurableProvider, PROVIDER_INFO } from '../carriers/clients';
import type { MessageKey, UiText } from '../i18n/translate';
import { AMAZON_BLOCKED_MESSAGES, AMAZON_TRACKER } from '../model/sources';
import { carrierName } from './carrier-name';

/** What went wrong when a source was asked, as the refresh round and the package keep it. */
export interface TrackFailure {
  kind: string;
  /** The English text kept for the logs and diagnostics ("ups: HTTP 503"). */
  message: string;
  httpStatus?: number;
  /** Porchlight's own budget refused the request. */
  budget?: BudgetRefusal;
  /** Held until then (a budget used up). */
  until?: number;
}

const KIND: Record<string, MessageKey> = {
  auth: 'trackErrorAuth',
  not_found: 'trackErrorNotFound',
  invalid_number: 'trackErrorInvalidNumber',
  rate_limited: 'trackErrorRateLimited',
  quota: 'trackErrorQuota',
  budget: 'trackErrorQuota',
  server: 'trackErrorServer',
  malformed: 'trackErrorMalformed',
  timeout: 'trackErrorTimeout',
  network: 'trackErrorNetwork',
};

/** A source's name as the shopper knows it: the carrier's, the aggregator's, Amazon for its tracker. */
export function sourceName(id: string | null, ui: UiText): string {
  if (id === null) return ui.t('trackErrorSomeSource');
  if (id === AMAZON_TRACKER) return 'Amazon';
  // The product's plain name: "(aggregator)" reads badly inside a sentence ("17TRACK (aggregator)'s limit").
  if (isConfigurableProvider(id) && PROVIDER_INFO[id].kind === 'aggregator') return PROVIDER_INFO[id].name;
  return carrierName(id, ui.t);
}

/**
 * A failed refresh in the shopper's words (issue #13 §2): what kind of failure, from whom; the
 * English `message` stays for the logs. Amazon's sign-in and robot check say what to do, as the
 * banner does; a kind Porchlight has no words for keeps its message.
 */
export function trackErrorText(ui: UiText, source: string, e: TrackFailure): string {
  if (e.message === AMAZON_BLOCKED_MESSAGES['sign-in']) return ui.t('bannerSignIn');
  if (e.message === AMAZON_BLOCKED_MESSAGES['robot-check']) return ui.t('bannerRobotCheck');
  if (e.budget) return ui.t('budgetUsedUp', source, ui.t(e.budget.limit), e.budget.used, e.budget.max);
  // Porchlight's own budget holding the provider (the planner's 'budget' hold), not the provider's quota.
  if (e.until !== undefined && e.kind === 'budget') {
    const when = new Intl.DateTimeFormat(ui.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(e.until);
    return ui.t('trackErrorQuotaUntil', source, when);
  }
  if (e.kind === 'server' && e.httpStatus) return ui.t('trackErrorServerStatus', source, String(e.httpStatus));
  const key = KIND[e.kind];
  return key ? ui.t(key, source) : e.message;
}
