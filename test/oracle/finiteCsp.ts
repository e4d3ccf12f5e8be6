import type { Expr } from '../../src/engine/model/rules/ast.ts';
import type { ProductModel } from '../../src/engine/model/types.ts';

/**
 * The test oracle's view of a product model: a finite CSP built straight from the parsed model,
 * independently of the solver. Every choice or boolean attribute is a variable whose domain is its
 * value keys (`'true'`/`'false'` for booleans) plus `null` ("not assigned") when it is optional.
 * Constraints are predicates over complete assignments of their scope. Only what the importers
 * produce is supported (choice/boolean attributes, tables, rules without arithmetic); anything else
 * throws, so an oracle never silently answers a different question.
 */
export interface FiniteCsp {
  attributes: string[];
  /** Whether each variable is a boolean attribute (keys 'true'/'false') or a choice. */
  booleans: boolean[];
  /** Value keys per variable; `null` is "not assigned" (only for optional attributes). */
  domains: (string | null)[][];
  constraints: CspConstraint[];
}

/**
 * A constraint of the oracle CSP: `holds` gets the domain indices of its scope, in scope order;
 * `tuples` lists every allowed combination of those indices (flat, `scope.length` per tuple).
 */
export interface CspConstraint {
  id: string;
  scope: number[];
  holds: (indices: readonly number[]) => boolean;
  tuples: Int32Array;
}

/** Rules and forbidden tables are tabulated; scopes with more combinations than this throw. */
const MAX_COMBINATIONS = 1 << 20;

/** Builds the oracle CSP of a model (choice and boolean attributes, table and rule constraints). */
export function toFiniteCsp(model: ProductModel): FiniteCsp {
  const attributes = model.attributes.map((a) => a.id);
  const indexOf = new Map(attributes.map((id, i) => [id, i]));
  const domains = model.attributes.map((a) => {
    if (a.relevance) throw new Error(`oracle: relevantWhen on '${a.id}' is not supported`);
    const keys: (string | null)[] =
      a.type === 'choice'
        ? a.values.map((v) => v.id)
        : a.type === 'boolean'
          ? ['true', 'false']
          : unsupported(`attribute type ${a.type} of '${a.id}'`);
    return a.required === false ? [...keys, null] : keys;
  });
  const constraints: CspConstraint[] = model.constraints.map((c) => {
    const partial = toPredicate(c);
    return { ...partial, tuples: tabulate(partial, domains) };
  });
  const booleans = model.attributes.map((a) => a.type === 'boolean');
  return { attributes, booleans, domains, constraints };

  function toPredicate(c: ProductModel['constraints'][number]): Omit<CspConstraint, 'tuples'> {
    if (c.guard) unsupported(`guarded constraint '${c.id}'`);
    if (c.kind === 'table') {
      const scope = c.attributes.map((id) => indexOf.get(id) ?? unsupported(`attribute '${id}'`));
      const rows = new Set(
        c.rows.map((row) =>
          row
            .map((cell, k) => domains[scope[k]!]!.indexOf(cell === null ? null : String(cell)))
            .join(','),
        ),
      );
      const allowed = c.mode === 'allowed';
      return { id: c.id, scope, holds: (ix) => rows.has(ix.join(',')) === allowed };
    }
    const ids = collectAttributes(c.expr);
    const scope = ids.map((id) => indexOf.get(id) ?? unsupported(`attribute '${id}'`));
    const expr = c.expr;
    return {
      id: c.id,
      scope,
      holds: (ix) => {
        const value = (id: string): string | null => {
          const k = ids.indexOf(id);
          return domains[scope[k]!]![ix[k]!]!;
        };
        return evaluate(expr, value) === true;
      },
    };
  }
}

/** Every allowed combination of a constraint's scope, by enumerating the scope's domains. */
function tabulate(c: Omit<CspConstraint, 'tuples'>, domains: (string | null)[][]): Int32Array {
  const sizes = c.scope.map((v) => domains[v]!.length);
  const total = sizes.reduce((p, n) => p * n, 1);
  if (total > MAX_COMBINATIONS) unsupported(`constraint '${c.id}' over ${total} combinations`);
  const out: number[] = [];
  const tuple = sizes.map(() => 0);
  for (let n = 0; n < total; n++) {
    let rest = n;
    for (let k = sizes.length - 1; k >= 0; k--) {
      tuple[k] = rest % sizes[k]!;
      rest = Math.floor(rest / sizes[k]!);
    }
    if (c.holds(tuple)) out.push(...tuple);
  }
  return Int32Array.from(out);
}

function unsupported(what: string): never {
  throw new Error(`oracle: ${what} is not supported`);
}

function collectAttributes(expr: Expr): string[] {
  const ids: string[] = [];
  const visit = (e: Expr): void => {
    switch (e.type) {
      case 'attr':
        if (!ids.includes(e.id)) ids.push(e.id);
        return;
      case 'in':
        if (!ids.includes(e.attribute)) ids.push(e.attribute);
        return;
      case 'literal':
        return;
      case 'compare':
      case 'implies':
      case 'iff':
        visit(e.left);
        visit(e.right);
        return;
      case 'not':
        visit(e.arg);
        return;
      case 'and':
      case 'or':
        e.args.forEach(visit);
        return;
      default:
        return unsupported(`rule node '${e.type}'`);
    }
  };
  visit(expr);
  return ids;
}

/** Evaluates a rule: attribute values are value keys or null ("none", which equals nothing). */
function evaluate(
  expr: Expr,
  value: (id: string) => string | null,
): boolean | string | number | null {
  switch (expr.type) {
    case 'literal':
      return typeof expr.value === 'boolean' ? expr.value : String(expr.value);
    case 'attr':
      return value(expr.id);
    case 'in': {
      const v = value(expr.attribute);
      return v !== null && expr.values.map(String).includes(v);
    }
    case 'compare': {
      const l = evaluate(expr.left, value);
      const r = evaluate(expr.right, value);
      const key = (x: unknown) => (typeof x === 'boolean' ? String(x) : x);
      if (expr.op === '=') return l !== null && r !== null && key(l) === key(r);
      if (expr.op === '!=') return !(l !== null && r !== null && key(l) === key(r));
      return unsupported(`comparison '${expr.op}'`);
    }
    case 'not':
      return !evaluate(expr.arg, value);
    case 'and':
      return expr.args.every((a) => evaluate(a, value) === true);
    case 'or':
      return expr.args.some((a) => evaluate(a, value) === true);
    case 'implies':
      return evaluate(expr.left, value) !== true || evaluate(expr.right, value) === true;
    case 'iff':
      return (evaluate(expr.left, value) === true) === (evaluate(expr.right, value) === true);
    default:
      return unsupported(`rule node '${expr.type}'`);
  }
}
