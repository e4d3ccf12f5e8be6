import { z } from '../../engine/zod.ts';

/**
 * The seller as a quote document names it (configuration: the demo reads
 * `public/catalogue/seller.json`): name, logo, address, contact, tax id, and the standard terms
 * printed under every quote. Only what a customer may see.
 */
export const sellerDetailsSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** A URL of the logo image (shown above the name). */
  logo: z.optional(z.string().check(z.maxLength(2000))),
  address: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(6))),
  email: z.optional(z.string().check(z.maxLength(320))),
  phone: z.optional(z.string().check(z.maxLength(60))),
  web: z.optional(z.string().check(z.maxLength(200))),
  /** The seller's VAT or tax registration number. */
  taxId: z.optional(z.string().check(z.maxLength(60))),
  /** Payment and sale terms, one paragraph each. */
  terms: z.optional(z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(12))),
});

/** The seller's details on a quote document (`sellerDetailsSchema`). */
export type SellerDetails = z.output<typeof sellerDetailsSchema>;

/** The seller a document names when the host configures none. */
export const DEFAULT_SELLER: SellerDetails = { name: 'Madeto Furniture GmbH' };
