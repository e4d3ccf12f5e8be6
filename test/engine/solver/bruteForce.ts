/**
 * A tiny exhaustive oracle for the solver tests: enumerates every complete configuration of a
 * small model and checks each constraint by evaluating it directly (its own evaluator, written
 * from the semantics in ast.ts and model.md, sharing no code with the solver).
 */
import { readFileSync } from 'node:fs';
import type { Expr } from '../../../src/engine/model/rules/ast.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { ProductModel, Selection, SelectionValue } from '../../../src/engine/model/types.ts';
import { seededRandom } from '../../../src/engine/random.ts';

type V = string | number | boolean | null | string[];
export type Config = Map<string, V>;

/** Loads a fixture model from test/fixtures/models. */
export function fixture(name: string): ProductModel {
  return parseModel(JSON.parse(readFileSync(`test/fixtures/models/${name}.json`, 'utf8')));
}

function subsets(ids: string[]): string[][] {
  return ids.reduce<string[][]>((acc, id) => [...acc, ...acc.map((s) => [...s, id])], [[]]);
}

/** Every value an attribute can hold in a configuration (null = none). */
function options(model: ProductModel, id: string): V[] {
  const a = model.attributes.find((x) => x.id === id)!;
  const none = a.required === false || a.relevance !== undefined ? [null] : [];
  switch (a.type) {
    case 'choice':
      return [...a.values.map((v) => v.id), ...none];
    case 'boolean':
      return [false, true, ...none];
    case 'number': {
      const out: V[] = [];
      for (let k = 0; a.min + k * a.step <= a.max + 1e-9; k++)
        out.push(Number((a.min + k * a.step).toFixed(10)));
      return [...out, ...none];
    }
    case 'multi':
      return subsets(a.values.map((v) => v.id));
    default:
      return [];
  }
}

function num(v: V | number): number | null {
  return typeof v === 'number' ? v : null;
}

function term(e: Expr, c: Config): V {
  switch (e.type) {
    case 'literal':
      return e.value;
    case 'attr':
      return c.get(e.id) ?? null;
    case 'count': {
      const s = c.get(e.attribute);
      return Array.isArray(s) ? s.length : 0;
    }
    case 'arith': {
      const l = num(term(e.left, c));
      const r = num(term(e.right, c));
      if (l === null || r === null) return null;
      return e.op === '+' ? l + r : e.op === '-' ? l - r : l * r;
    }
    default:
      return truth(e, c);
  }
}

/** Direct evaluation of a condition: none never equals a value, orderings with none are false. */
export function truth(e: Expr, c: Config): boolean {
  switch (e.type) {
    case 'literal':
      return e.value === true;
    case 'attr':
      return c.get(e.id) === true;
    case 'has': {
      const s = c.get(e.attribute);
      return Array.isArray(s) && s.includes(String(e.value));
    }
    case 'in':
      return e.values.includes(c.get(e.attribute) as string);
    case 'compare': {
      const l = term(e.left, c);
      const r = term(e.right, c);
      if (e.op === '=') return l === r;
      if (e.op === '!=') return l !== r;
      const a = num(l);
      const b = num(r);
      if (a === null || b === null) return false;
      return e.op === '<' ? a < b : e.op === '<=' ? a <= b : e.op === '>' ? a > b : a >= b;
    }
    case 'not':
      return !truth(e.arg, c);
    case 'and':
      return e.args.every((x) => truth(x, c));
    case 'or':
      return e.args.some((x) => truth(x, c));
    case 'implies':
      return !truth(e.left, c) || truth(e.right, c);
    case 'iff':
      return truth(e.left, c) === truth(e.right, c);
    default:
      return false;
  }
}

/** Ids of every constraint, explicit and implicit (relevance:, required:, cardinality:). */
export function constraintIds(model: ProductModel): string[] {
  const ids: string[] = [];
  for (const a of model.attributes) {
    if (a.type === 'text') continue;
    if (a.relevance) ids.push(`relevance:${a.id}`);
    if (a.relevance && a.type !== 'multi' && a.required !== false) ids.push(`required:${a.id}`);
    if (a.type === 'multi' && ((a.min ?? 0) > 0 || (a.max ?? a.values.length) < a.values.length))
      ids.push(`cardinality:${a.id}`);
  }
  return [...ids, ...model.constraints.map((k) => k.id)];
}

/** Whether configuration `c` satisfies the constraint with this id. */
export function constraintHolds(model: ProductModel, id: string, c: Config): boolean {
  const colon = id.indexOf(':');
  if (colon > 0) {
    const a = model.attributes.find((x) => x.id === id.slice(colon + 1))!;
    const kind = id.slice(0, colon);
    const v = c.get(a.id) ?? null;
    const relevant = a.relevance ? truth(a.relevance, c) : true;
    const size = Array.isArray(v) ? v.length : 0;
    if (kind === 'relevance') return relevant || (a.type === 'multi' ? size === 0 : v === null);
    if (kind === 'required') return !relevant || v !== null;
    if (a.type !== 'multi') return true;
    return !relevant || (size >= (a.min ?? 0) && size <= (a.max ?? a.values.length));
  }
  const k = model.constraints.find((x) => x.id === id)!;
  if (k.guard && !truth(k.guard, c)) return true;
  if (k.kind === 'rule') return truth(k.expr, c);
  const tuple = k.attributes.map((a) => c.get(a) ?? null);
  const match = k.rows.some((row) => row.every((cell, i) => cell === tuple[i]));
  return match === (k.mode === 'allowed');
}

/** Whether a complete configuration satisfies every explicit and implicit constraint. */
export function isValid(model: ProductModel, c: Config): boolean {
  return constraintIds(model).every((id) => constraintHolds(model, id, c));
}

/** Every complete configuration of a (small) model, valid or not. */
export function enumerateAll(model: ProductModel): Config[] {
  const ids = model.attributes.filter((a) => a.type !== 'text').map((a) => a.id);
  const out: Config[] = [];
  const walk = (i: number, c: Config) => {
    if (i === ids.length) {
      out.push(new Map(c));
      return;
    }
    for (const v of options(model, ids[i]!)) {
      c.set(ids[i]!, v);
      walk(i + 1, c);
    }
    c.delete(ids[i]!);
  };
  walk(0, new Map());
  return out;
}

/** Every valid complete configuration of a (small) model. */
export function enumerateValid(model: ProductModel): Config[] {
  return enumerateAll(model).filter((c) => isValid(model, c));
}

/** Whether configuration `c` agrees with `selection` on every attribute except `except`. */
export function agrees(c: Config, selection: Selection, except?: string): boolean {
  return Object.entries(selection).every(([id, v]) => id === except || same(c.get(id), v));
}

/** Equality of a configuration value and a selection value (sets compare as sets). */
export function same(a: V | undefined, b: SelectionValue): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && b.every((x: string) => a.includes(x));
  return a === b;
}

/** Turns a configuration into a selection (none left out; multi as its set). */
export function toSelection(c: Config): Selection {
  const out: Record<string, SelectionValue> = {};
  for (const [id, v] of c) if (v !== null) out[id] = v;
  return out;
}

/** A seeded PRNG (the engine's mulberry32). */
export const prng = seededRandom;

/** A solver attribute with its values as selection values (keys: `String(value)`). */
export interface KeyedAttribute {
  id: string;
  multi: boolean;
  values: SelectionValue[];
}

export function valueKeys(model: ProductModel): KeyedAttribute[] {
  return model.attributes.flatMap((a): KeyedAttribute[] => {
    switch (a.type) {
      case 'choice':
        return [{ id: a.id, multi: false, values: a.values.map((v) => v.id) }];
      case 'multi':
        return [{ id: a.id, multi: true, values: a.values.map((v) => v.id) }];
      case 'boolean':
        return [{ id: a.id, multi: false, values: [false, true] }];
      case 'number': {
        const values: number[] = [];
        for (let k = 0; a.min + k * a.step <= a.max + 1e-9; k++) values.push(a.min + k * a.step);
        return [{ id: a.id, multi: false, values }];
      }
      default:
        return [];
    }
  });
}

/** Random partial selections: some attributes from a valid configuration, some at random. */
export function randomSelections(model: ProductModel, valid: Config[], seed: number, n: number) {
  const rand = prng(seed);
  const keys = valueKeys(model);
  const out: Selection[] = [{}];
  for (let i = 0; i < n; i++) {
    const base = valid[Math.floor(rand() * valid.length)];
    const s: Record<string, SelectionValue> = {};
    for (const { id, multi, values } of keys) {
      const r = rand();
      if (r < 0.25 && base && base.get(id) !== null) s[id] = base.get(id) as SelectionValue;
      else if (r < 0.35)
        s[id] = multi
          ? values.filter(() => rand() < 0.4).map(String)
          : values[Math.floor(rand() * values.length)]!;
    }
    out.push(s);
  }
  return out;
}
