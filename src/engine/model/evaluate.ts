import type { Expr, Literal } from './rules/ast.ts';
import type { Selection, SelectionValue } from './types.ts';

/** The distinguished value of an attribute that is not assigned (see `rules/ast.ts`). */
const NONE = Symbol('none');
type Value = SelectionValue | typeof NONE;

function valueOf(expr: Expr, selection: Selection): Value {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'attr': {
      const v = selection[expr.id];
      return v === undefined ? NONE : v;
    }
    case 'count': {
      const v = selection[expr.attribute];
      return Array.isArray(v) ? v.length : 0;
    }
    case 'arith': {
      const l = valueOf(expr.left, selection);
      const r = valueOf(expr.right, selection);
      if (typeof l !== 'number' || typeof r !== 'number') return NONE;
      const op = expr.op;
      switch (op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        default:
          return op satisfies never;
      }
    }
    case 'has':
    case 'in':
    case 'compare':
    case 'not':
    case 'and':
    case 'or':
    case 'implies':
    case 'iff':
      return evaluate(expr, selection);
    default:
      return expr satisfies never;
  }
}

function equals(value: Value, literal: Value): boolean {
  if (value === NONE || literal === NONE) return false;
  if (Array.isArray(value) || Array.isArray(literal)) return false;
  return value === literal;
}

function isIn(value: Value, values: readonly Literal[]): boolean {
  return values.some((l) => equals(value, l));
}

/**
 * Evaluates a rule's syntax tree as a condition on a selection, with the semantics stated at the
 * top of `rules/ast.ts`: an unassigned attribute holds "none", so `a = 'x'` is false and
 * `a != 'x'` true, `a has 'x'` is false, `count(a)` is 0, and a numeric comparison involving
 * "none" is false. A bare boolean attribute is true only when it is assigned `true`.
 *
 * @example
 * evaluate(parseRuleOrThrow("drive = 'dual' -> frame = 'steel'"), { drive: 'single' }) // true
 */
export function evaluate(expr: Expr, selection: Selection): boolean {
  switch (expr.type) {
    case 'literal':
      return expr.value === true;
    case 'attr':
      return selection[expr.id] === true;
    case 'count':
    case 'arith':
      return false;
    case 'has': {
      const v = selection[expr.attribute];
      return Array.isArray(v) && v.includes(expr.value as string);
    }
    case 'in':
      return isIn(valueOf({ type: 'attr', id: expr.attribute, column: 0 }, selection), expr.values);
    case 'compare': {
      const l = valueOf(expr.left, selection);
      const r = valueOf(expr.right, selection);
      const op = expr.op;
      switch (op) {
        case '=':
          return equals(l, r);
        case '!=':
          return !equals(l, r);
        case '<':
        case '<=':
        case '>':
        case '>=':
          if (typeof l !== 'number' || typeof r !== 'number') return false;
          return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
        default:
          return op satisfies never;
      }
    }
    case 'not':
      return !evaluate(expr.arg, selection);
    case 'and':
      return expr.args.every((a) => evaluate(a, selection));
    case 'or':
      return expr.args.some((a) => evaluate(a, selection));
    case 'implies':
      return !evaluate(expr.left, selection) || evaluate(expr.right, selection);
    case 'iff':
      return evaluate(expr.left, selection) === evaluate(expr.right, selection);
    default:
      return expr satisfies never;
  }
}
