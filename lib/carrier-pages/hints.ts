/**
 * What the one carrier-page reader needs to know about a carrier's tracking site (issue #14), as data
 * kept in the carrier's folder (`lib/carriers/<id>/page.ts`): where the pages live, which URL
 * parameter holds the number, and the carrier's status words in the languages its pages speak. The
 * reader itself (lib/carrier-pages/read-carrier-page.ts) knows no layout.
 */
import type { Status } from '../model/status';

/**
 * One status phrase: `match` is looked for in the lower-cased text (a string: anywhere; a RegExp: as
 * written). `status: null` marks a phrase that says nothing about progress ("not delivered status"),
 * so a more general phrase after it does not misread it.
 */
export type StatusPhrase = readonly [match: string | RegExp, status: Status | null];

export interface CarrierPageHints {
  /** One switch per carrier site in the options page (`ups`, `dhl-de`…). */
  site: string;
  /** The carrier id of the parcels the site tracks (lib/carriers/registry.ts). */
  carrier: string;
  /** Shown next to the switch. */
  name: string;
  /** Exact host names of the tracking pages. */
  hosts: readonly string[];
  /** Match patterns for the optional host permission and the content script (https only). */
  matchPatterns: readonly string[];
  /** URL query parameters that carry the tracking number, in the order they are tried. */
  numberParams: readonly string[];
  /**
   * Status phrases, most specific first: the first phrase found in a text decides its status. Each
   * language a site's pages are served in has its phrases here.
   */
  statuses: readonly StatusPhrase[];
  /** Status of the site's own event code, where its page data carries one (FedEx `statusCD`). */
  codeStatus?: (code: string) => Status | null;
}
