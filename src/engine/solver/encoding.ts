import type { Literal } from '../model/rules/ast.ts';
import type { Attribute, ProductModel } from '../model/types.ts';

/**
 * How one attribute of the model is represented in the diagram.
 * - choice / number / boolean: one level whose value indices are `values` in model order, then
 *   "none" (index `values.length`) when `hasNone` (the attribute is optional or has a relevance);
 * - multi: one two-valued level per value (0 = not in the set, 1 = in the set).
 * Text attributes are not part of the solver.
 */
export interface SolverAttribute {
  id: string;
  type: 'choice' | 'multi' | 'number' | 'boolean';
  /** Value keys as in `Domains`: ids, `String(n)` for numbers, `'false'`/`'true'`. */
  keys: string[];
  /** The values as rule literals, aligned with `keys`. */
  values: Literal[];
  hasNone: boolean;
  /** Levels of the attribute: one, or one per value for a multi. */
  levels: number[];
  /** Index of the attribute in `ProductModel.attributes`. */
  modelIndex: number;
}

/** One level (variable) of the diagram. */
export interface Level {
  /** Index into the solver attributes. */
  attribute: number;
  /** For a multi attribute, the value index this level stands for; -1 otherwise. */
  item: number;
  size: number;
}

/** Rounds away binary noise (0.1 + 0.2) so decimal steps compare exactly. */
export function tidy(x: number): number {
  return Number(x.toFixed(10));
}

function valuesOf(attr: Attribute): Literal[] | undefined {
  switch (attr.type) {
    case 'choice':
    case 'multi':
      return attr.values.map((v) => v.id);
    case 'boolean':
      return [false, true];
    case 'number': {
      const out: number[] = [];
      const n = Math.floor((attr.max - attr.min) / attr.step + 1e-9);
      for (let k = 0; k <= n; k++) out.push(tidy(attr.min + k * attr.step));
      return out;
    }
    case 'text':
      return undefined;
    default:
      return attr satisfies never;
  }
}

/** The solver attributes of a model (text attributes left out), in model order, without levels. */
export function solverAttributes(model: ProductModel): SolverAttribute[] {
  const out: SolverAttribute[] = [];
  model.attributes.forEach((attr, modelIndex) => {
    const values = valuesOf(attr);
    if (!values || attr.type === 'text') return;
    const optional = attr.required === false || attr.relevance !== undefined;
    out.push({
      id: attr.id,
      type: attr.type,
      keys: values.map(String),
      values,
      hasNone: attr.type !== 'multi' && optional,
      levels: [],
      modelIndex,
    });
  });
  return out;
}

/**
 * Lays the attributes out as levels in `order` (a permutation of attribute indices); a multi
 * attribute's levels are consecutive. Fills each attribute's `levels`.
 */
export function layLevels(attrs: SolverAttribute[], order: readonly number[]): Level[] {
  const levels: Level[] = [];
  for (const a of order) {
    const attr = attrs[a]!;
    attr.levels = [];
    if (attr.type === 'multi')
      attr.values.forEach((_, item) => {
        attr.levels.push(levels.length);
        levels.push({ attribute: a, item, size: 2 });
      });
    else {
      attr.levels.push(levels.length);
      levels.push({ attribute: a, item: -1, size: attr.values.length + (attr.hasNone ? 1 : 0) });
    }
  }
  return levels;
}

/** The value index of `literal` in a single-valued attribute, or -1 when it is not a value. */
export function indexOfLiteral(attr: SolverAttribute, literal: Literal | null): number {
  if (literal === null) return attr.hasNone ? attr.values.length : -1;
  if (attr.type === 'number')
    return typeof literal === 'number' ? attr.values.indexOf(tidy(literal)) : -1;
  return attr.values.indexOf(literal);
}
