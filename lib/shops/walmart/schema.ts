/**
 * The shape of Walmart's embedded order data (issue #15), as far as it is known (../shared/docs/other-shops.md §2:
 * the list page's `__NEXT_DATA__` from a real capture, the details page's `groups_2101` from a scraper that says it
 * verified it live). Every field is optional: the reader takes what is there and says what is missing. A value of
 * the wrong type fails its group (or order), which the reader reports and skips; nothing throws.
 */
import { z } from 'zod';

const text = z.string().max(2_000);

const messagePart = z.object({ text: text.nullish() });

const trackerStep = z.object({
  status: text.nullish(),
  label: text.nullish(),
  isCurrent: z.boolean().nullish(),
});

const packageDetail = z.object({
  trackingNumber: text.nullish(),
  trackingUrl: text.nullish(),
});

/**
 * An item line. Its keys (`name`, or `productInfo.name`; `quantity`) are our assumption: §2 documents the item
 * rows of the page (`[data-testid="productName"]`), not the item objects of the data.
 */
const item = z.object({
  name: text.nullish(),
  productInfo: z.object({ name: text.nullish() }).nullish(),
  quantity: z.number().nullish(),
});

export const groupSchema = z.object({
  fulfillmentType: text.nullish(),
  status: z
    .object({
      statusType: text.nullish(),
      message: z.object({ parts: z.array(messagePart).max(50).nullish() }).nullish(),
      statusTracker: z.array(trackerStep).max(20).nullish(),
      wasDelayed: z.boolean().nullish(),
    })
    .nullish(),
  deliveredDate: text.nullish(),
  deliveryDate: text.nullish(),
  seller: z.object({ name: text.nullish() }).nullish(),
  shipment: z
    .object({
      trackingNumber: text.nullish(),
      trackingUrl: text.nullish(),
      secondaryTrackingUrl: text.nullish(),
      isExternalTracking: z.boolean().nullish(),
      multiPackageDetails: z.array(packageDetail).max(50).nullish(),
    })
    .nullish(),
  items: z.array(item).max(200).nullish(),
});

export type WalmartGroup = z.infer<typeof groupSchema>;

/** An order without its groups: those are parsed one by one, under `groups` (list) or an aliased `groups_<n>` key (details). */
export const orderSchema = z.object({
  id: z.union([text, z.number()]).nullish(),
  displayId: text.nullish(),
  orderDate: text.nullish(),
  type: text.nullish(),
  isInStore: z.boolean().nullish(),
  title: text.nullish(),
  priceDetails: z
    .object({
      orderTotal: z.object({ value: z.union([z.number(), text]).nullish(), displayValue: text.nullish() }).nullish(),
    })
    .nullish(),
});

export type WalmartOrder = z.infer<typeof orderSchema>;
