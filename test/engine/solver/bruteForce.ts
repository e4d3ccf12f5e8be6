/**
 * A tiny exhaustive oracle for the solver tests: enumerates every complete configuration of a
 * small model and checks each constraint by evaluating it directly (its own evaluator, written
 * from the semantics in ast.ts and model.md, sharing no code with the solver).
 */
import { readFileSync } from 'node:fs';
import type { Expr } from '../../../src/engine/model/rules/ast.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { ProductModel, Selection, SelectionValue } from '../../../src/engine/model/types.ts';

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

/** Whether a complete configuration satisfies every explicit and implicit constraint. */
export function isValid(model: ProductModel, c: Config): boolean {
  for (const a of model.attributes) {
    if (a.type === 'text') continue;
    const v = c.get(a.id) ?? null;
    const relevant = a.relevance ? truth(a.relevance, c) : true;
    if (a.type === 'multi') {
      const size = (v as string[]).length;
      if (!relevant && size > 0) return false;
      if (relevant && (size < (a.min ?? 0) || size > (a.max ?? a.values.length))) return false;
    } else {
      if (!relevant && v !== null) return false;
      if (relevant && a.required !== false && v === null) return false;
    }
  }
  for (const k of model.constraints) {
    if (k.guard && !truth(k.guard, c)) continue;
    if (k.kind === 'rule') {
      if (!truth(k.expr, c)) return false;
      continue;
    }
    const tuple = k.attributes.map((id) => c.get(id) ?? null);
    const match = k.rows.some((row) => row.every((cell, i) => cell === tuple[i]));
    if (match !== (k.mode === 'allowed')) return false;
  }
  return true;
}

/** Every valid complete configuration of a (small) model. */
export function enumerateValid(model: ProductModel): Config[] {
  const ids = model.attributes.filter((a) => a.type !== 'text').map((a) => a.id);
  const out: Config[] = [];
  const walk = (i: number, c: Config) => {
    if (i === ids.length) {
      if (isValid(model, c)) out.push(new Map(c));
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

/** A seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
