/** A problem in a pricing file or a price request: where (a JSON path) and what. */
export interface PricingIssue {
  path: string;
  message: string;
}

/**
 * Thrown for an unusable pricing file (`PRICING_INVALID`) or price request (`PRICE_REQUEST_INVALID`);
 * `issues` lists every problem found with its JSON path.
 */
export class PricingError extends Error {
  constructor(
    readonly code: 'PRICING_INVALID' | 'PRICE_REQUEST_INVALID',
    readonly issues: PricingIssue[],
  ) {
    const what = code === 'PRICING_INVALID' ? 'pricing file' : 'price request';
    super(
      `The ${what} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'),
    );
    this.name = 'PricingError';
  }
}
