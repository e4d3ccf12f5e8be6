import { existsSync, readFileSync } from 'node:fs';
import { type SellerConfig } from '../engine/index.ts';
import { join } from 'node:path';
import { z } from '../engine/zod.ts';

/** A zod issue's path as a JSON path (`$.address[1]`). */
const jsonPath = (path: readonly PropertyKey[]): string =>
  `$${path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('')}`;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** `seller.json`: strict, so a misspelt key is named rather than ignored. */
const sellerFileSchema = z.strictObject({
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

/** The seller when the catalogue has no `seller.json`. */
export const DEFAULT_SELLER: SellerConfig = {
  seller: { name: 'Madeto', address: [] },
  paymentTerms: 'Payment within 30 days of the invoice date.',
  deliveryTerms: 'Delivered to the address given.',
  productNames: new Map(),
};

/**
 * The seller shown on the customer's document, from `seller.json` in the catalogue directory
 * (`DEFAULT_SELLER` when there is none). Throws (code `CATALOGUE_UNREADABLE`) naming the file and
 * each problem's JSON path.
 *
 * @example
 * loadSeller('public/catalogue').seller.name // 'Madeto Werkstätten GmbH'
 */
export function loadSeller(dir: string): SellerConfig {
  const file = join(dir, 'seller.json');
  if (!existsSync(file)) return DEFAULT_SELLER;
  const fail = (message: string) =>
    Object.assign(new Error(`${file}: ${message}`), { code: 'CATALOGUE_UNREADABLE' });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw fail((error as Error).message);
  }
  const parsed = sellerFileSchema.safeParse(json);
  if (!parsed.success)
    throw fail(parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`).join('; '));
  const { paymentTerms, deliveryTerms, productNames, ...seller } = parsed.data;
  return {
    seller,
    paymentTerms,
    deliveryTerms,
    productNames: new Map(Object.entries(productNames)),
  };
}
