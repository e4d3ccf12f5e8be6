import type { CompareOp, Expr, Literal } from '../model/rules/ast.ts';
import { indexOfLiteral, tidy, type SolverAttribute } from './encoding.ts';
import { FALSE, TRUE, type Mdd } from './mdd.ts';

/** A term's value: a literal, or `null` for "none" (an unassigned attribute). */
export type TermValue = Literal | null;

/** A numeric or value term as a partition: each part is the diagram where the term has `value`. */
interface Part {
  cond: number;
  value: TermValue;
}

/** What expression compilation needs: the store and the attributes by id. */
export interface ExprContext {
  mdd: Mdd;
  attribute: (id: string) => SolverAttribute;
}

/**
 * Whether `op` holds between two term values under the "none" semantics of ast.ts: `=` and `!=`
 * treat none as a value of its own (so `a != 'x'` holds when a is none); an ordering with none is
 * false.
 */
export function compareValues(op: CompareOp, l: TermValue, r: TermValue): boolean {
  switch (op) {
    case '=':
      return l === r;
    case '!=':
      return l !== r;
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (typeof l !== 'number' || typeof r !== 'number') return false;
      if (op === '<') return l < r;
      if (op === '<=') return l <= r;
      if (op === '>') return l > r;
      return l >= r;
    }
    default:
      return op satisfies never;
  }
}

/** `+ - *` on term values; none (or a non-number) gives none. */
export function arith(op: '+' | '-' | '*', l: TermValue, r: TermValue): TermValue {
  if (typeof l !== 'number' || typeof r !== 'number') return null;
  return tidy(op === '+' ? l + r : op === '-' ? l - r : l * r);
}

/** The diagram of the condition `expr` (a rule, a guard or a relevance). */
export function compileCondition(ctx: ExprContext, expr: Expr): number {
  const { mdd } = ctx;
  switch (expr.type) {
    case 'literal':
      return expr.value === true ? TRUE : FALSE;
    case 'attr':
      return partsWhere(term(ctx, expr), (v) => v === true, mdd);
    case 'has': {
      const attr = ctx.attribute(expr.attribute);
      const item = attr.values.indexOf(expr.value);
      return item < 0 ? FALSE : mdd.unary(attr.levels[item]!, [1]);
    }
    case 'in': {
      const attr = ctx.attribute(expr.attribute);
      const idx = expr.values.map((v) => indexOfLiteral(attr, v)).filter((i) => i >= 0);
      return mdd.unary(attr.levels[0]!, idx);
    }
    case 'compare': {
      const direct = attrVersusLiteral(ctx, expr.op, expr.left, expr.right);
      if (direct !== undefined) return direct;
      const left = term(ctx, expr.left);
      const right = term(ctx, expr.right);
      const hits: number[] = [];
      for (const l of left)
        for (const r of right)
          if (compareValues(expr.op, l.value, r.value)) hits.push(mdd.and(l.cond, r.cond));
      return mdd.orAll(hits);
    }
    case 'not':
      return mdd.not(compileCondition(ctx, expr.arg));
    case 'and':
      return mdd.andAll(expr.args.map((a) => compileCondition(ctx, a)));
    case 'or':
      return mdd.orAll(expr.args.map((a) => compileCondition(ctx, a)));
    case 'implies':
      return mdd.or(mdd.not(compileCondition(ctx, expr.left)), compileCondition(ctx, expr.right));
    case 'iff': {
      const l = compileCondition(ctx, expr.left);
      const r = compileCondition(ctx, expr.right);
      return mdd.or(mdd.and(l, r), mdd.and(mdd.not(l), mdd.not(r)));
    }
    case 'count':
    case 'arith':
      return FALSE; // not a condition (rejected by checkRule)
    default:
      return expr satisfies never;
  }
}

const FLIP: Record<CompareOp, CompareOp> = {
  '=': '=',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

/**
 * `attr op literal` (either way round) as one node over the attribute's level: linear in its
 * number of values, where the general partition product would be quadratic.
 */
function attrVersusLiteral(
  ctx: ExprContext,
  op: CompareOp,
  left: Expr,
  right: Expr,
): number | undefined {
  if (left.type === 'literal' && right.type === 'attr')
    return attrVersusLiteral(ctx, FLIP[op], right, left);
  if (left.type !== 'attr' || right.type !== 'literal') return undefined;
  const attr = ctx.attribute(left.id);
  if (attr.type === 'multi') return undefined;
  const hits: number[] = [];
  attr.values.forEach((v, i) => {
    if (compareValues(op, v, right.value)) hits.push(i);
  });
  if (attr.hasNone && compareValues(op, null, right.value)) hits.push(attr.values.length);
  return ctx.mdd.unary(attr.levels[0]!, hits);
}

function partsWhere(parts: Part[], keep: (v: TermValue) => boolean, mdd: Mdd): number {
  return mdd.orAll(parts.filter((p) => keep(p.value)).map((p) => p.cond));
}

/** The partition of a value term (attribute, literal, count, arithmetic) by its value. */
function term(ctx: ExprContext, expr: Expr): Part[] {
  const { mdd } = ctx;
  switch (expr.type) {
    case 'literal':
      return [{ cond: TRUE, value: expr.value }];
    case 'attr': {
      const attr = ctx.attribute(expr.id);
      const level = attr.levels[0]!;
      const parts: Part[] = attr.values.map((value, i) => ({
        cond: mdd.unary(level, [i]),
        value,
      }));
      if (attr.hasNone) parts.push({ cond: mdd.unary(level, [attr.values.length]), value: null });
      return parts;
    }
    case 'count':
      return countParts(mdd, ctx.attribute(expr.attribute)).map((cond, value) => ({
        cond,
        value,
      }));
    case 'arith': {
      const merged = new Map<string, Part>();
      for (const l of term(ctx, expr.left))
        for (const r of term(ctx, expr.right)) {
          const cond = mdd.and(l.cond, r.cond);
          if (cond === FALSE) continue;
          const value = arith(expr.op, l.value, r.value);
          const key = `${typeof value}:${String(value)}`;
          const prev = merged.get(key);
          merged.set(key, { cond: prev ? mdd.or(prev.cond, cond) : cond, value });
        }
      return [...merged.values()];
    }
    default: {
      const cond = compileCondition(ctx, expr);
      return [
        { cond, value: true },
        { cond: mdd.not(cond), value: false },
      ];
    }
  }
}

/** For a multi attribute: `result[k]` is the diagram where exactly k values are in the set. */
export function countParts(mdd: Mdd, attr: SolverAttribute): number[] {
  // Built bottom-up (deepest level first) so each step makes nodes above existing ones.
  const levels = [...attr.levels].sort((a, b) => b - a);
  let byCount: number[] = [TRUE];
  for (const level of levels) {
    const next: number[] = [];
    for (let k = 0; k <= byCount.length; k++) {
      const out = k < byCount.length ? byCount[k]! : FALSE;
      const inn = k > 0 ? byCount[k - 1]! : FALSE;
      next.push(mdd.mk(level, [out, inn]));
    }
    byCount = next;
  }
  return byCount;
}
