/**
 * The functional expressions of XCSP 2.1 predicates (`<functional>ne(X0,add(X1,2))</functional>`):
 * parsed to a small tree, evaluated over integers (booleans are 0 and 1, as the standard allows),
 * and — when they only compare single variables with constants — translated to a rule string.
 */
export type FunctionalExpr =
  | { kind: 'int'; value: number }
  | { kind: 'name'; name: string }
  | { kind: 'call'; op: FunctionalOp; args: FunctionalExpr[] };

/** The operators XCSP 2.1 defines for functional expressions, with their arities (-1: any ≥ 2). */
const ARITY = {
  neg: 1,
  abs: 1,
  add: 2,
  sub: 2,
  mul: 2,
  div: 2,
  mod: 2,
  pow: 2,
  min: 2,
  max: 2,
  eq: 2,
  ne: 2,
  ge: 2,
  gt: 2,
  le: 2,
  lt: 2,
  not: 1,
  and: -1,
  or: -1,
  xor: -1,
  iff: 2,
  if: 3,
} as const;

/** An operator of XCSP 2.1 functional expressions. */
export type FunctionalOp = keyof typeof ARITY;

/**
 * Parses a functional expression; returns the tree or a message naming the offending character.
 *
 * @example
 * parseFunctional('eq(X0,3)'); // { ok: true, expr: { kind: 'call', op: 'eq', args: [...] } }
 */
export function parseFunctional(
  text: string,
): { ok: true; expr: FunctionalExpr } | { ok: false; message: string } {
  const tokens = [...text.matchAll(/\s*(-?[0-9]+|[A-Za-z_][A-Za-z0-9_]*|[(),]|\S)/g)].map((m) => ({
    text: m[1]!,
    at: m.index + m[0].length - m[1]!.length + 1,
  }));
  let i = 0;
  const fail = (what: string): never => {
    const t = tokens[i];
    throw new Error(
      t
        ? `expected ${what} at character ${t.at} but found '${t.text}'`
        : `expected ${what} at the end`,
    );
  };
  const parse = (): FunctionalExpr => {
    const t = tokens[i] ?? fail('an expression');
    i++;
    if (/^-?[0-9]+$/.test(t.text)) return { kind: 'int', value: Number(t.text) };
    if (t.text === 'true' || t.text === 'false')
      return { kind: 'int', value: t.text === 'true' ? 1 : 0 };
    if (!/^[A-Za-z_]/.test(t.text)) {
      i--;
      return fail('an operator, a parameter or an integer');
    }
    if (tokens[i]?.text !== '(') return { kind: 'name', name: t.text };
    if (!Object.hasOwn(ARITY, t.text)) {
      i--;
      return fail(`an XCSP 2.1 operator (${Object.keys(ARITY).join(', ')})`);
    }
    const op = t.text as FunctionalOp;
    i++;
    const args = [parse()];
    while (tokens[i]?.text === ',') {
      i++;
      args.push(parse());
    }
    if (tokens[i]?.text !== ')') fail("',' or ')'");
    i++;
    const arity: number = ARITY[op];
    if (arity === -1 ? args.length < 2 : args.length !== arity)
      throw new Error(
        `${op} takes ${arity === -1 ? 'two or more' : arity} argument${arity === 1 ? '' : 's'}, not ${args.length}`,
      );
    return { kind: 'call', op, args };
  };
  try {
    const expr = parse();
    if (i < tokens.length) fail('the end of the expression');
    return { ok: true, expr };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/**
 * Replaces parameter names by `bind(name)` (another expression); names without a binding are
 * pushed to `unknown` and left as they are.
 *
 * @example
 * substitute(parsed, (n) => (n === 'X' ? { kind: 'name', name: 'v3' } : undefined), unknown);
 */
export function substitute(
  expr: FunctionalExpr,
  bind: (name: string) => FunctionalExpr | undefined,
  unknown: string[],
): FunctionalExpr {
  switch (expr.kind) {
    case 'int':
      return expr;
    case 'name': {
      const bound = bind(expr.name);
      if (!bound) unknown.push(expr.name);
      return bound ?? expr;
    }
    case 'call':
      return { ...expr, args: expr.args.map((a) => substitute(a, bind, unknown)) };
    default:
      return expr satisfies never;
  }
}

/**
 * Evaluates an expression whose names are variables valued by `value`. Division and modulo by
 * zero, and negative powers, give undefined (the tuple is not a solution).
 *
 * @example
 * evaluateFunctional(expr, (name) => ({ a: 1, b: 2 })[name]!); // 1 for lt(a,b), 0 for gt(a,b)
 */
export function evaluateFunctional(
  expr: FunctionalExpr,
  value: (name: string) => number,
): number | undefined {
  switch (expr.kind) {
    case 'int':
      return expr.value;
    case 'name':
      return value(expr.name);
    case 'call': {
      const args: number[] = [];
      for (const arg of expr.args) {
        const v = evaluateFunctional(arg, value);
        if (v === undefined) return undefined;
        args.push(v);
      }
      return apply(expr.op, args);
    }
    default:
      return expr satisfies never;
  }
}

function apply(op: FunctionalOp, a: number[]): number | undefined {
  const [x = 0, y = 0, z = 0] = a;
  const bool = (b: boolean) => (b ? 1 : 0);
  switch (op) {
    case 'neg':
      return -x;
    case 'abs':
      return Math.abs(x);
    case 'add':
      return x + y;
    case 'sub':
      return x - y;
    case 'mul':
      return x * y;
    case 'div':
      return y === 0 ? undefined : Math.trunc(x / y);
    case 'mod':
      return y === 0 ? undefined : x % y;
    case 'pow':
      return y < 0 ? undefined : x ** y;
    case 'min':
      return Math.min(x, y);
    case 'max':
      return Math.max(x, y);
    case 'eq':
      return bool(x === y);
    case 'ne':
      return bool(x !== y);
    case 'ge':
      return bool(x >= y);
    case 'gt':
      return bool(x > y);
    case 'le':
      return bool(x <= y);
    case 'lt':
      return bool(x < y);
    case 'not':
      return bool(x === 0);
    case 'and':
      return bool(a.every((v) => v !== 0));
    case 'or':
      return bool(a.some((v) => v !== 0));
    case 'xor':
      return a.filter((v) => v !== 0).length % 2;
    case 'iff':
      return bool((x !== 0) === (y !== 0));
    case 'if':
      return x !== 0 ? y : z;
    default:
      return op satisfies never;
  }
}

const FLIP = { eq: 'eq', ne: 'ne', ge: 'le', gt: 'lt', le: 'ge', lt: 'gt' } as const;

/**
 * Translates an expression over variables to a rule of the rule language, when every atom compares
 * one variable with a constant: `lt(v3,2)` becomes `v3 in ('0', '1')` over v3's domain. Returns
 * undefined for anything else (variables compared with each other, arithmetic on variables).
 *
 * @example
 * toRule(parsed('lt(v3,2)'), (n) => ({ id: n, values: [0, 1, 2, 3] }), String); // "v3 in ('0', '1')"
 */
export function toRule(
  expr: FunctionalExpr,
  variable: (name: string) => { id: string; values: readonly number[] },
  valueId: (n: number) => string,
): string | undefined {
  if (expr.kind !== 'call') return undefined;
  const parts = (): string[] | undefined => {
    const out: string[] = [];
    for (const arg of expr.args) {
      const rule = toRule(arg, variable, valueId);
      if (rule === undefined) return undefined;
      out.push(`(${rule})`);
    }
    return out;
  };
  switch (expr.op) {
    case 'and':
    case 'or':
      return parts()?.join(` ${expr.op} `);
    case 'not':
      return parts()?.map((p) => `not ${p}`)[0];
    case 'iff': {
      const p = parts();
      return p && `${p[0]} <-> ${p[1]}`;
    }
    case 'eq':
    case 'ne':
    case 'ge':
    case 'gt':
    case 'le':
    case 'lt': {
      const [left, right] = expr.args;
      let op: keyof typeof FLIP = expr.op;
      let term = left;
      let constant = right;
      if (left?.kind === 'int') {
        op = FLIP[op];
        term = right;
        constant = left;
      }
      if (term?.kind !== 'name' || constant?.kind !== 'int') return undefined;
      const k = constant.value;
      const { id, values } = variable(term.name);
      const holds = values.filter((v) => apply(op, [v, k]) === 1);
      if (holds.length === 0) return undefined;
      if (holds.length === 1) return `${id} = '${valueId(holds[0]!)}'`;
      return `${id} in (${holds.map((v) => `'${valueId(v)}'`).join(', ')})`;
    }
    default:
      return undefined;
  }
}
