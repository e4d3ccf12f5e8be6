import type { RepFormat } from './repFormat.ts';

/** A change since quoting as the wire carries it (`quoteChangeWire`). */
export interface ChangeLike {
  kind: string;
  path: string;
  message: string;
  before?: unknown;
  after?: unknown;
}

/**
 * A change since a revision was quoted, in the reader's language with figures formatted: prices
 * and dates before → after. The customer is told the fact (the price of line L1 changed), never
 * the seller's internals (a constraint id, a guardrail, an approval rule): those changes read as
 * "changed since it was quoted" to them; the rep also gets the engine's own wording of them.
 */
export function changeText(
  c: ChangeLike,
  /** The quote's line ids in order (a change names its line by index). */
  lineIds: readonly string[],
  f: RepFormat,
  audience: 'customer' | 'rep',
): string {
  const index = /^\$\.lines\[(\d+)\]/.exec(c.path)?.[1];
  const line = index === undefined ? '' : (lineIds[Number(index)] ?? '');
  const before = typeof c.before === 'string' ? c.before : undefined;
  const after = typeof c.after === 'string' ? c.after : undefined;
  const money = (d: string | undefined) => (d === undefined ? '—' : f.money(d));
  switch (c.kind) {
    case 'line-price':
      return f.t('rep.change.linePrice', { line, before: money(before), after: money(after) });
    case 'total':
      return f.t('rep.change.total', { before: money(before), after: money(after) });
    case 'delivery-date':
      return f.t('rep.change.delivery', {
        before: before === undefined ? f.t('rep.change.none') : f.date(before),
        after: after === undefined ? f.t('rep.change.unavailable') : f.date(after),
      });
    default:
      // model-changed, model-missing, selection-invalid, approval: the seller's internals.
      return audience === 'rep' ? c.message : f.t('rep.change.other');
  }
}
