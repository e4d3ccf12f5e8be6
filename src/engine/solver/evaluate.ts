import type { Expr } from '../model/rules/ast.ts';
import { arith, compareValues, type TermValue } from './compileExpr.ts';

/**
 * A complete assignment for direct evaluation: single-valued attributes map to their value
 * (absent = "none"), multi attributes to their set.
 */
export type Assignment = ReadonlyMap<string, TermValue | readonly string[]>;

function single(assignment: Assignment, id: string): TermValue {
  const v = assignment.get(id);
  return v === undefined || Array.isArray(v) ? null : (v as TermValue);
}

function set(assignment: Assignment, id: string): readonly string[] {
  const v = assignment.get(id);
  return Array.isArray(v) ? (v as readonly string[]) : [];
}

/**
 * Evaluates a condition directly on an assignment, with the same "none" semantics as the
 * compiled diagrams (ast.ts): used by `validate`, independent of the diagram.
 *
 * @example
 * holds(parseRule("frame = 'steel'").expr, new Map([['frame', 'steel']])); // true
 */
export function holds(expr: Expr, assignment: Assignment): boolean {
  switch (expr.type) {
    case 'literal':
      return expr.value === true;
    case 'attr':
      return single(assignment, expr.id) === true;
    case 'has':
      return typeof expr.value === 'string' && set(assignment, expr.attribute).includes(expr.value);
    case 'in': {
      const v = single(assignment, expr.attribute);
      return v !== null && expr.values.some((x) => compareValues('=', v, x));
    }
    case 'compare':
      return compareValues(expr.op, value(expr.left, assignment), value(expr.right, assignment));
    case 'not':
      return !holds(expr.arg, assignment);
    case 'and':
      return expr.args.every((a) => holds(a, assignment));
    case 'or':
      return expr.args.some((a) => holds(a, assignment));
    case 'implies':
      return !holds(expr.left, assignment) || holds(expr.right, assignment);
    case 'iff':
      return holds(expr.left, assignment) === holds(expr.right, assignment);
    case 'count':
    case 'arith':
      return false;
    default:
      return expr satisfies never;
  }
}

function value(expr: Expr, assignment: Assignment): TermValue {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'attr':
      return single(assignment, expr.id);
    case 'count':
      return set(assignment, expr.attribute).length;
    case 'arith':
      return arith(expr.op, value(expr.left, assignment), value(expr.right, assignment));
    default:
      return holds(expr, assignment);
  }
}
