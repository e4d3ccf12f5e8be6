import { dec, minorUnits, money, plain, round, type Decimal } from './money.ts';
import type { LineContext, LineInput } from './priceLine.ts';
import { APPROVAL_NOTE } from './buyerNotes.ts';
import type { PriceViolation } from './waterfall.ts';

/**
 * The guardrails a line breaks (pricing.md step 7): a net unit below `minNetUnit` (converted at the
 * line's rate), or a combined discount above `maxDiscountPercent` — rep, partner and, once the
 * document discount is allocated, the line's share of it (`documentPercent` of the line), so no
 * kind of discount passes a guardrail unseen. Each is a violation that requires approval; the
 * price is never clamped.
 *
 * @example
 * checkGuardrails(ctx, input, { line: dec('7280'), q: dec('10'), … }); // [{ rule: 'minNetUnit', limit: '750.00', actual: '728.00', … }]
 */
export function checkGuardrails(
  ctx: LineContext,
  input: LineInput,
  v: {
    line: Decimal;
    q: Decimal;
    rate: Decimal;
    netUnit: Decimal;
    currency: string;
    additional: Decimal;
    partner: Decimal;
    /** The line's share of the document discount, as a percentage of the line (default 0). */
    documentPercent?: Decimal;
  },
): PriceViolation[] {
  const byDocument = v.documentPercent !== undefined && v.documentPercent.gt(dec('0'));
  const including = byDocument ? ' (with its share of the document discount)' : '';
  const out: PriceViolation[] = [];
  for (const g of ctx.pricing.guardrails) {
    if (g.product !== undefined && g.product !== input.productId) continue;
    if (g.minNetUnit !== undefined) {
      const limit = dec(g.minNetUnit).times(v.rate);
      if (v.line.lt(limit.times(v.q)))
        out.push({
          rule: 'minNetUnit',
          limit: money(round(limit, minorUnits(v.currency), ctx.policy.mode), v.currency),
          actual: money(v.netUnit, v.currency),
          lineId: input.lineId,
          message: `line ${input.lineId}: the net unit ${money(v.netUnit, v.currency)}${including} is below the minimum ${g.minNetUnit}: approval required`,
          buyer: APPROVAL_NOTE,
        });
    }
    if (g.maxDiscountPercent !== undefined) {
      const hundred = dec('100');
      const document = v.documentPercent ?? dec('0');
      const effective = hundred.minus(
        hundred
          .minus(v.additional)
          .times(hundred.minus(v.partner))
          .times(hundred.minus(document))
          .div(hundred)
          .div(hundred),
      );
      if (effective.gt(dec(g.maxDiscountPercent)))
        out.push({
          rule: 'maxDiscountPercent',
          limit: g.maxDiscountPercent,
          actual: plain(round(effective, 4, 'halfUp')),
          lineId: input.lineId,
          message: `line ${input.lineId}: a ${plain(round(effective, 4, 'halfUp'))} % discount${including} exceeds the maximum ${g.maxDiscountPercent} %: approval required`,
          buyer: APPROVAL_NOTE,
        });
    }
  }
  return out;
}
