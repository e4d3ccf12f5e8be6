import { parseSellerFile, type SellerConfig } from '../../engine/index.ts';

/**
 * Reads a `seller.json` document (as the reference backend serves it) into the engine's
 * `SellerConfig`, with the engine's `sellerFileSchema`, the very schema the backend reads the file
 * with: the rep editor's draft preview lays out the document the customer will get. Throws an
 * error naming each problem's JSON path when the file is malformed.
 *
 * @example
 * parseSellerConfig({ name: 'Madeto GmbH', address: ['Berlin'] }).seller.name; // 'Madeto GmbH'
 */
export function parseSellerConfig(json: unknown): SellerConfig {
  const parsed = parseSellerFile(json);
  if (!parsed.ok)
    throw new Error(
      `seller.json: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  return parsed.config;
}

/** The seller a draft names when the host configures none. */
export const UNNAMED_SELLER: SellerConfig = {
  seller: { name: '', address: [] },
  paymentTerms: '',
  deliveryTerms: '',
  productNames: new Map(),
};
