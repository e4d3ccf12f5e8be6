/**
 * A literal: `2 * v` is variable `v` true, `2 * v + 1` is `v` false (variables from 0).
 * Use `lit(v, positive)` and `negate(l)`.
 */
export type Lit = number;

/**
 * The literal of variable `v`, true when `positive`.
 *
 * @example
 * lit(3); // 6
 * lit(3, false); // 7
 */
export function lit(v: number, positive = true): Lit {
  return 2 * v + (positive ? 0 : 1);
}

/**
 * The negation of a literal.
 *
 * @example
 * negate(lit(3)); // lit(3, false)
 */
export function negate(l: Lit): Lit {
  return l ^ 1;
}
