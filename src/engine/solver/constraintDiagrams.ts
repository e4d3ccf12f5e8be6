import { attributesOf } from '../model/rules/ast.ts';
import type { TableCell } from '../model/schema.ts';
import type { Attribute, Constraint, ProductModel } from '../model/types.ts';
import { compileCondition, countParts, type ExprContext } from './compileExpr.ts';
import { indexOfLiteral, type SolverAttribute } from './encoding.ts';
import { FALSE, TRUE } from './mdd.ts';

/**
 * A constraint to compile: a model constraint or an implicit one (`required:<attr>`,
 * `relevance:<attr>`, `cardinality:<attr>`), with the attribute ids it mentions.
 */
export interface ConstraintSource {
  id: string;
  message: string;
  attributes: string[];
  build: (ctx: ExprContext) => number;
}

/** A message for a model constraint without one. */
function describeConstraint(c: Constraint): string {
  return c.kind === 'rule'
    ? `Constraint '${c.id}' requires: ${c.rule}`
    : `Constraint '${c.id}' limits the combinations of ${c.attributes.join(', ')}`;
}

/**
 * Every constraint of the model as something to compile: the model's own constraints (with their
 * guards) and the implicit ones each attribute brings:
 * - `relevance:<a>`: when `a` is irrelevant it is "none" (a multi: the empty set);
 * - `required:<a>`: when a required `a` is relevant it is not "none";
 * - `cardinality:<a>`: when a multi `a` is relevant, `min ≤ |a| ≤ max`.
 * A multi's `required` adds nothing beyond its `min`.
 */
export function constraintSources(
  model: ProductModel,
  attrs: readonly SolverAttribute[],
): ConstraintSource[] {
  const out: ConstraintSource[] = [];
  for (const sa of attrs) {
    const attr = model.attributes[sa.modelIndex]!;
    out.push(...implicitSources(attr, sa));
  }
  for (const c of model.constraints) {
    const mentioned = c.kind === 'rule' ? attributesOf(c.expr) : [...c.attributes];
    if (c.guard) for (const id of attributesOf(c.guard)) mentioned.push(id);
    out.push({
      id: c.id,
      message: c.message ?? describeConstraint(c),
      attributes: [...new Set(mentioned)],
      build: (ctx) => {
        const body =
          c.kind === 'rule'
            ? compileCondition(ctx, c.expr)
            : tableDiagram(ctx, c.attributes, c.mode, c.rows);
        return c.guard ? ctx.mdd.or(ctx.mdd.not(compileCondition(ctx, c.guard)), body) : body;
      },
    });
  }
  return out;
}

function implicitSources(attr: Attribute, sa: SolverAttribute): ConstraintSource[] {
  const out: ConstraintSource[] = [];
  const relevance = attr.relevance;
  const scope = [sa.id, ...(relevance ? attributesOf(relevance) : [])];
  const label = `'${attr.label}'`;
  const relevant = (ctx: ExprContext) => (relevance ? compileCondition(ctx, relevance) : TRUE);
  if (sa.type === 'multi') {
    const min = attr.type === 'multi' ? (attr.min ?? 0) : 0;
    const max = attr.type === 'multi' ? (attr.max ?? sa.values.length) : sa.values.length;
    if (relevance)
      out.push({
        id: `relevance:${sa.id}`,
        message: `${label} can only be chosen when it applies`,
        attributes: scope,
        build: (ctx) => ctx.mdd.or(relevant(ctx), countParts(ctx.mdd, sa)[0]!),
      });
    if (min > 0 || max < sa.values.length)
      out.push({
        id: `cardinality:${sa.id}`,
        message: `${label} takes ${min === max ? `exactly ${min}` : `${min} to ${max}`} values`,
        attributes: scope,
        build: (ctx) => {
          const parts = countParts(ctx.mdd, sa);
          const ok = ctx.mdd.orAll(parts.filter((_, k) => k >= min && k <= max));
          return ctx.mdd.or(ctx.mdd.not(relevant(ctx)), ok);
        },
      });
    return out;
  }
  if (!relevance) return out;
  const none = (ctx: ExprContext) => ctx.mdd.unary(sa.levels[0]!, [sa.values.length]);
  out.push({
    id: `relevance:${sa.id}`,
    message: `${label} can only be chosen when it applies`,
    attributes: scope,
    build: (ctx) => ctx.mdd.or(relevant(ctx), none(ctx)),
  });
  if (attr.required !== false)
    out.push({
      id: `required:${sa.id}`,
      message: `${label} is required`,
      attributes: scope,
      build: (ctx) => ctx.mdd.or(ctx.mdd.not(relevant(ctx)), ctx.mdd.not(none(ctx))),
    });
  return out;
}

/** The diagram of a table: a trie over its columns in level order (forbidden: its complement). */
function tableDiagram(
  ctx: ExprContext,
  columns: readonly string[],
  mode: 'allowed' | 'forbidden',
  rows: readonly TableCell[][],
): number {
  const { mdd } = ctx;
  const attrs = columns.map((id) => ctx.attribute(id));
  const cols = columns.map((_, k) => k).sort((a, b) => attrs[a]!.levels[0]! - attrs[b]!.levels[0]!);
  const indexed = rows
    .map((row) => cols.map((k) => indexOfLiteral(attrs[k]!, row[k] ?? null)))
    .filter((row) => row.every((i) => i >= 0));
  const repeated = new Set(columns).size !== columns.length;
  let allowed: number;
  if (repeated) {
    allowed = mdd.orAll(
      indexed.map((row) =>
        mdd.andAll(row.map((i, p) => mdd.unary(attrs[cols[p]!]!.levels[0]!, [i]))),
      ),
    );
  } else {
    const build = (subset: number[][], p: number): number => {
      if (subset.length === 0) return FALSE;
      if (p === cols.length) return TRUE;
      const level = attrs[cols[p]!]!.levels[0]!;
      const groups = new Map<number, number[][]>();
      for (const row of subset) {
        const g = groups.get(row[p]!);
        if (g) g.push(row);
        else groups.set(row[p]!, [row]);
      }
      const children = new Array<number>(mdd.sizes[level]!).fill(FALSE);
      for (const [i, g] of groups) children[i] = build(g, p + 1);
      return mdd.mk(level, children);
    };
    allowed = build(indexed, 0);
  }
  return mode === 'allowed' ? allowed : mdd.not(allowed);
}
