import { jsonPath } from '../model/jsonPath.ts';
import { z } from '../zod.ts';
import type { SellerConfig } from './customerDocument.ts';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * `seller.json` (in the catalogue directory), the one schema the reference backend and the rep
 * editor read it with: the seller on every quote document (name, address, contact, VAT id, logo),
 * the payment and delivery terms, and names of products without a model. Strict, so a misspelt
 * key is named rather than ignored.
 */
export const sellerFileSchema = z.strictObject({
  name: text(200),
  address: z.array(text(200)).check(z.maxLength(8)),
  email: z.optional(text(254)),
  phone: z.optional(text(64)),
  website: z.optional(text(500)),
  vatId: z.optional(text(64)),
  logoUrl: z.optional(text(2000)),
  paymentTerms: z._default(text(2000), 'Payment within 30 days of the invoice date.'),
  deliveryTerms: z._default(text(2000), 'Delivered to the address given.'),
  productNames: z._default(z.record(text(64), text(200)), {}),
});

/** The seller when the catalogue has no `seller.json` (the terms are the file's defaults). */
export const DEFAULT_SELLER: SellerConfig = {
  seller: { name: 'Madeto', address: [] },
  paymentTerms: 'Payment within 30 days of the invoice date.',
  deliveryTerms: 'Delivered to the address given.',
  productNames: new Map(),
};

/**
 * Reads a `seller.json` document into the `SellerConfig` the customer's document is made with,
 * or every problem at its JSON path.
 *
 * @example
 * parseSellerFile({ name: 'Madeto GmbH', address: ['Berlin'] }) // { ok: true, config: { seller: …, paymentTerms: 'Payment within 30 days …', … } }
 * parseSellerFile({ name: '', address: [] }) // { ok: false, issues: [{ path: '$.name', message: … }] }
 */
export function parseSellerFile(
  json: unknown,
): { ok: true; config: SellerConfig } | { ok: false; issues: { path: string; message: string }[] } {
  const parsed = sellerFileSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
    };
  const { paymentTerms, deliveryTerms, productNames, ...seller } = parsed.data;
  return {
    ok: true,
    config: {
      seller,
      paymentTerms,
      deliveryTerms,
      productNames: new Map(Object.entries(productNames)),
    },
  };
}
