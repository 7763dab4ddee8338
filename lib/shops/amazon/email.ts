/**
 * Amazon's shipping and order e-mails read as a page reading would read the order (issue #18): the order id,
 * the item named in the subject or under "Order #", the status the e-mail states, the promised date, and
 * Amazon's own track link. Most of these e-mails carry no carrier number (only the UK dispatch e-mail does,
 * ../shared/docs/amazon-pages.md §5), so without this the order, its items and its promise were lost.
 *
 * Wording from the real US/UK/IT e-mails in tests/fixtures/emails (GROUND-TRUTH.md): "your package will
 * arrive: Friday, September 11", "Arriving: Saturday, December 12", "running late … Now expected March 27 -
 * March 28", "Arriverà: martedì 01 dicembre", "Your package has been delivered!", subjects "Shipped: …",
 * "Delivered: …", "Delivery update: <item>…". The e-mails' progress bar ("Ordered Shipped Out for delivery
 * Delivered") names every state, so states are read from sentences, never from bare words.
 */
import type { Status } from '../../model/status';
import type { OrderItem } from '../../model/types';
import type { OrderReading, PageReading } from '../types';
import type { AmazonShipmentReading } from './orders';
import { isSupportedLanguage, marketplaceFor } from './marketplace';
import { parseStatusText } from './status-text';
import { isOrderId, isTrackHref, ORDER_ID_RE, parseTrackLink } from './urls';
import { normalise } from './vocabulary';

export interface AmazonEmailInput {
  /** Sender's domain (`amazon.co.uk`), or the marketplace a forwarded e-mail names. */
  domain: string;
  subject: string;
  /** Subject, text part and the HTML part's text, joined. */
  body: string;
  /** Every link of the message (HTML hrefs and URLs in the text). */
  links: readonly string[];
  /** The carrier number, when the e-mail states exactly one. */
  trackingNumber: { number: string; carrier: string } | null;
  /** When the e-mail was sent (relative dates count from it), else when it is read. */
  now: Date;
  /** The reader's own zone, as for pages (ShopReader.extract). */
  timeZone?: string;
}

/** Sentences that state a shipment's state, in the order they are tried (most final first). */
const STATES: readonly (readonly [RegExp, Status])[] = [
  [/\b(has been|was) delivered\b|^delivered:|\bconsegna effettuata\b|\be stato consegnato\b|\bwurde zugestellt\b|\ba ete livre\b|\bha sido entregado\b/m, 'delivered'],
  [/\b(is )?out for delivery\b(?! delivered)|\bin consegna oggi\b/m, 'out_for_delivery'],
  [/\brunning late\b|\bis delayed\b|\bverspatet\b|\bin ritardo\b|\ben retard\b|\bcon retraso\b/m, 'exception'],
  [
    /\b(has|have) (been )?(shipped|dispatched)\b|\bwas shipped\b|\bwe'?ve (shipped|dispatched)\b|^shipped:|\bon the way\b|\be stato spedito\b|\bwurde versandt\b|\ba ete expedie\b|\bha sido enviado\b/m,
    'in_transit',
  ],
];

/**
 * The promise: a label and its colon, then the date on the same or the next line (a forwarded copy quotes
 * it with `>`); "Now expected …" and "Arriving today/tomorrow" need no colon. The date ends at the line's
 * or the sentence's end.
 */
const PROMISE =
  /\b(will arrive|arriving|arriver[aà]|arrivée|lieferung|llega)\s*:\s*[>\s]*([^\n.<>]{3,60})|\b(now expected|arriving)\s+((?:today|tomorrow|[a-z]+day\b|[a-z]+ \d{1,2})[^\n.<>]{0,50})/i;

function statusOf(subject: string, body: string): Status {
  for (const text of [subject, body]) for (const [re, status] of STATES) if (re.test(text)) return status;
  return 'pending';
}

/** "Shipped: "2Pack 30FT…"", "Delivery update: Logitech ERGO M575 Wireless...", else the line under "Order #id". */
function itemOf(subject: string, body: string, orderId: string): OrderItem[] {
  const m = /^(?:shipped|delivered|delivery update|out for delivery|arriving [a-z]+|spedito|consegnato|zugestellt|versandt)\s*:\s*"?(.+?)"?\s*$/i.exec(subject.trim());
  let title = m && !/order\s*#|\d{3}-\d{7}-\d{7}/i.test(m[1]!) ? m[1]!.trim() : null;
  if (!title) {
    // The text part prints the ordered item, indented, on the line after "Order #<id>" (amazon_exception.eml).
    const after = new RegExp(`Order\\s*#\\s*${orderId}[ \\t]*\\n[ \\t]{2,}([^\\n]{4,200})`).exec(body);
    title = after?.[1]?.trim() ?? null;
  }
  return title ? [{ title, quantity: null, seller: null, url: null }] : [];
}

/** Reads an Amazon e-mail into one order with one shipment, or null when it names no order. */
export function readAmazonEmail(input: AmazonEmailInput): PageReading | null {
  const m = marketplaceFor(input.domain) ?? marketplaceFor('amazon.com')!;
  const body = input.body;
  // "Order #<id>" in the body names the order the e-mail is about (subjects of the saved e-mails are sanitised).
  const afterSubject = body.startsWith(input.subject) ? body.slice(input.subject.length) : body;
  const labelled = /order\s*#\s*(?:\n\s*)?(D?\d{2,3}-\d{7}-\d{7})/i.exec(afterSubject)?.[1];
  const orderId = [labelled, ORDER_ID_RE.exec(body)?.[0]].find((x): x is string => !!x && isOrderId(x));
  if (!orderId) return null;
  const language = isSupportedLanguage(m.language) ? m.language : 'en';
  const ctx = { now: input.now, timeZone: input.timeZone ?? m.timeZone, language, monthFirst: m.monthFirst };
  const n = normalise(body);
  const status = statusOf(normalise(input.subject), n);
  const promise = PROMISE.exec(body);
  const promiseLine = promise
    ? promise[1]
      ? `Arriving ${promise[2]!.trim()}`
      : `${/^now/i.test(promise[3]!) ? 'Now expected' : 'Arriving'} ${promise[4]!.trim()}`
    : null;
  const secondary = status === 'in_transit' ? 'Shipped' : null;
  const meaning = parseStatusText(status === 'delivered' ? 'Delivered' : promiseLine, secondary, ctx);
  // Amazon's own track link (the redirect-wrapped `gp/r.html` ones are not followed: their target is encoded).
  const base = new URL(`https://www.${m.host}/`);
  const track = input.links.find((href) => isTrackHref(href) && parseTrackLink(href, base) && marketplaceFor(safeUrl(href)?.hostname ?? '')) ?? null;
  const link = track ? parseTrackLink(track, base) : null;
  const shipment: AmazonShipmentReading = {
    // E-mail links carry a numeric shipment id that the site's pages do not use: left out, so the e-mail's
    // shipment joins the order's one package instead of making a second one.
    shipmentId: null,
    statusText: [promiseLine].filter(Boolean).join(' · ') || null,
    status,
    eta: status === 'delivered' ? null : meaning.eta,
    deliveredAt: null,
    trackingNumber: input.trackingNumber?.number ?? null,
    carrier: input.trackingNumber?.carrier ?? null,
    trackUrl: track,
    items: [],
    layout: 'email',
    itemId: link?.itemId ?? null,
    packageIndex: link?.packageIndex ?? null,
    primaryText: promiseLine,
    secondaryText: secondary,
  };
  const order: OrderReading = {
    orderId,
    placedAt: null,
    total: null,
    status: status === 'delivered' ? 'delivered' : 'open',
    kind: 'physical',
    orderUrl: `https://www.${m.host}/gp/your-account/order-details?orderID=${orderId}`,
    items: itemOf(input.subject, body, orderId),
    shipments: [shipment],
  };
  return { kind: 'email', shop: 'amazon', url: order.orderUrl!, readAt: input.now.getTime(), orders: [order], diagnostics: [] };
}

function safeUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}
