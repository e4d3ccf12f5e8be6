import { sellerWire, type SellerConfig } from '../../engine/index.ts';
import { z } from '../../engine/zod.ts';

/**
 * The seller's configuration file (`seller.json` in the catalogue directory, as the reference
 * backend reads it): the seller on every quote document (name, address, contact, VAT id, logo),
 * the payment and delivery terms, and names of products without a model. The rep editor's draft
 * preview uses it to lay out the same document the customer will get.
 */
const sellerFileSchema = z.extend(sellerWire, {
  paymentTerms: z.optional(z.string().check(z.maxLength(4000))),
  deliveryTerms: z.optional(z.string().check(z.maxLength(4000))),
  productNames: z.optional(z.record(z.string(), z.string())),
});

/**
 * Reads a `seller.json` document into the engine's `SellerConfig` (throws the schema's error,
 * naming each path, when it is malformed).
 *
 * @example
 * parseSellerConfig({ name: 'Madeto GmbH', address: ['Berlin'] }).seller.name; // 'Madeto GmbH'
 */
export function parseSellerConfig(json: unknown): SellerConfig {
  const { paymentTerms, deliveryTerms, productNames, ...seller } = sellerFileSchema.parse(json);
  return {
    seller,
    paymentTerms: paymentTerms ?? '',
    deliveryTerms: deliveryTerms ?? '',
    productNames: new Map(Object.entries(productNames ?? {})),
  };
}

/** The seller a draft names when the host configures none. */
export const UNNAMED_SELLER: SellerConfig = {
  seller: { name: '', address: [] },
  paymentTerms: '',
  deliveryTerms: '',
  productNames: new Map(),
};
