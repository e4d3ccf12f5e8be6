/**
 * The rule language's syntax tree: the canonical form of a rule (model.md, "Rule language").
 *
 * Strings such as `drive = 'dual' -> frame = 'steel'` are parsed to this JSON-serialisable tree by
 * `parseRule`. Everything downstream (the constraint compiler, validation, explanations) reads the
 * tree, never the string.
 *
 * Semantics of an attribute that is not assigned (irrelevant, or an optional attribute left empty):
 * it holds the distinguished value "none". `a = 'x'` is then false and `a != 'x'` true; `a has 'x'`
 * is false; `count(a)` is 0; a numeric comparison whose operands involve "none" is false.
 */
export type Literal = string | number | boolean;

/** A comparison operator of the rule language. */
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** An arithmetic operator of the rule language (integers and decimals, no division). */
export type ArithOp = '+' | '-' | '*';

/** A node of the rule syntax tree. `column` is the 1-based column in the rule text. */
export type Expr =
  | { type: 'literal'; value: Literal; column: number }
  | { type: 'attr'; id: string; column: number }
  | { type: 'count'; attribute: string; column: number }
  | { type: 'has'; attribute: string; value: Literal; column: number }
  | { type: 'in'; attribute: string; values: Literal[]; column: number }
  | { type: 'compare'; op: CompareOp; left: Expr; right: Expr; column: number }
  | { type: 'arith'; op: ArithOp; left: Expr; right: Expr; column: number }
  | { type: 'not'; arg: Expr; column: number }
  | { type: 'and' | 'or'; args: Expr[]; column: number }
  | { type: 'implies' | 'iff'; left: Expr; right: Expr; column: number };

/** Calls `visit` on every node of `expr`, parents before children. */
export function walkExpr(expr: Expr, visit: (node: Expr) => void): void {
  visit(expr);
  switch (expr.type) {
    case 'literal':
    case 'attr':
    case 'count':
    case 'has':
    case 'in':
      return;
    case 'compare':
    case 'arith':
    case 'implies':
    case 'iff':
      walkExpr(expr.left, visit);
      walkExpr(expr.right, visit);
      return;
    case 'not':
      walkExpr(expr.arg, visit);
      return;
    case 'and':
    case 'or':
      for (const arg of expr.args) walkExpr(arg, visit);
      return;
    default:
      expr satisfies never;
  }
}

/** The attribute ids an expression mentions, in first-mention order, without repeats. */
export function attributesOf(expr: Expr): string[] {
  const seen = new Set<string>();
  walkExpr(expr, (node) => {
    if (node.type === 'attr') seen.add(node.id);
    else if (node.type === 'count' || node.type === 'has' || node.type === 'in')
      seen.add(node.attribute);
  });
  return [...seen];
}

/** Returns a copy of `expr` with every attribute id passed through `rename`. */
export function renameAttributes(expr: Expr, rename: (id: string) => string): Expr {
  switch (expr.type) {
    case 'literal':
      return expr;
    case 'attr':
      return { ...expr, id: rename(expr.id) };
    case 'count':
    case 'has':
    case 'in':
      return { ...expr, attribute: rename(expr.attribute) };
    case 'compare':
    case 'arith':
    case 'implies':
    case 'iff':
      return {
        ...expr,
        left: renameAttributes(expr.left, rename),
        right: renameAttributes(expr.right, rename),
      };
    case 'not':
      return { ...expr, arg: renameAttributes(expr.arg, rename) };
    case 'and':
    case 'or':
      return { ...expr, args: expr.args.map((a) => renameAttributes(a, rename)) };
    default:
      return expr satisfies never;
  }
}
