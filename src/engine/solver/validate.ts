import { attributesOf } from '../model/rules/ast.ts';
import type { Attribute, Constraint, ProductModel, Selection } from '../model/types.ts';
import type { TermValue } from './compileExpr.ts';
import type { CompiledModel } from './compile.ts';
import { indexOfLiteral, solverAttributes, type SolverAttribute } from './encoding.ts';
import { holds, type Assignment } from './evaluate.ts';
import type { Violation } from './types.ts';

/**
 * Checks a (full) selection directly against the model, without the diagram, and lists every
 * violated constraint by id. Besides the model's constraints (skipped where their guard does not
 * hold) it reports implicit ones: `unknown:<id>` (no such attribute), `domain:<a>` (a value that
 * is not one of a's values, a number off its range or step, text too long/short or off its
 * pattern), `relevance:<a>` (assigned while irrelevant), `required:<a>` (relevant, required and
 * unassigned), `cardinality:<a>` (a relevant multi outside min..max; unassigned counts as empty).
 * An empty list means the selection is a complete valid configuration.
 *
 * @example
 * validate(model, { frame: 'wood', top: 'glass' });
 * // [{ constraintId: 'glass-not-wood', message: 'Glass tops do not go on wood.', attributes: [...] }, …]
 */
export function validate(
  modelOrCompiled: ProductModel | CompiledModel,
  selection: Selection,
): Violation[] {
  const model = 'mdd' in modelOrCompiled ? modelOrCompiled.model : modelOrCompiled;
  const solver = new Map(solverAttributes(model).map((a) => [a.id, a] as const));
  const known = new Map(model.attributes.map((a) => [a.id, a] as const));
  const out: Violation[] = [];
  const assignment = new Map<string, TermValue | readonly string[]>();

  for (const [id, value] of Object.entries(selection)) {
    const attr = known.get(id);
    if (!attr) {
      out.push({
        constraintId: `unknown:${id}`,
        message: `Unknown attribute '${id}' (attributes: ${[...known.keys()].join(', ')}).`,
        attributes: [id],
      });
      continue;
    }
    const problem = domainProblem(attr, solver.get(id), value);
    if (problem) out.push({ constraintId: `domain:${id}`, message: problem, attributes: [id] });
    else if (attr.type !== 'text')
      assignment.set(
        id,
        Array.isArray(value) ? [...new Set(value as string[])] : (value as TermValue),
      );
  }

  for (const attr of model.attributes) {
    const relevant = attr.relevance ? holds(attr.relevance, assignment) : true;
    const scope = [attr.id, ...(attr.relevance ? attributesOf(attr.relevance) : [])];
    const assigned = attr.id in selection;
    const v = assignment.get(attr.id);
    const size = Array.isArray(v) ? v.length : 0;
    if (!relevant && (attr.type === 'multi' ? size > 0 : assigned))
      out.push({
        constraintId: `relevance:${attr.id}`,
        message: `'${attr.label}' does not apply here and must be left empty.`,
        attributes: scope,
      });
    if (relevant && attr.type !== 'multi' && attr.required !== false && !assigned)
      out.push({
        constraintId: `required:${attr.id}`,
        message: `'${attr.label}' is required.`,
        attributes: scope,
      });
    if (relevant && attr.type === 'multi') {
      const min = attr.min ?? 0;
      const max = attr.max ?? attr.values.length;
      if (size < min || size > max)
        out.push({
          constraintId: `cardinality:${attr.id}`,
          message: `'${attr.label}' takes ${min} to ${max} values, not ${size}.`,
          attributes: scope,
        });
    }
  }

  for (const c of model.constraints) {
    if (c.guard && !holds(c.guard, assignment)) continue;
    if (satisfied(c, assignment, solver)) continue;
    const attributes = c.kind === 'rule' ? attributesOf(c.expr) : c.attributes;
    out.push({
      constraintId: c.id,
      message: c.message ?? `Constraint '${c.id}' is violated.`,
      attributes,
    });
  }
  return out;
}

function satisfied(
  c: Constraint,
  assignment: Assignment,
  solver: ReadonlyMap<string, SolverAttribute>,
): boolean {
  if (c.kind === 'rule') return holds(c.expr, assignment);
  const tuple = c.attributes.map((id) => {
    const v = assignment.get(id);
    return v === undefined || Array.isArray(v) ? null : (v as TermValue);
  });
  const match = c.rows.some((row) =>
    row.every((cell, k) => {
      const attr = solver.get(c.attributes[k]!);
      const want = attr ? indexOfLiteral({ ...attr, hasNone: true }, cell) : -2;
      const have = attr ? indexOfLiteral({ ...attr, hasNone: true }, tuple[k] ?? null) : -3;
      return want >= 0 && want === have;
    }),
  );
  return c.mode === 'allowed' ? match : !match;
}

function domainProblem(
  attr: Attribute,
  solver: SolverAttribute | undefined,
  value: Selection[string],
): string | undefined {
  const list = solver ? ` (values: ${solver.keys.join(', ')})` : '';
  if (attr.type === 'text') {
    if (typeof value !== 'string') return `'${attr.id}' takes text, not ${JSON.stringify(value)}.`;
    if (attr.maxLength !== undefined && value.length > attr.maxLength)
      return `'${attr.id}' takes at most ${attr.maxLength} characters.`;
    if (attr.minLength !== undefined && value.length < attr.minLength)
      return `'${attr.id}' takes at least ${attr.minLength} characters.`;
    if (attr.pattern !== undefined && !new RegExp(attr.pattern, 'u').test(value))
      return `'${attr.id}' must match ${attr.pattern}.`;
    return undefined;
  }
  if (!solver) return undefined;
  if (attr.type === 'multi') {
    if (!Array.isArray(value)) return `'${attr.id}' takes a list of values${list}.`;
    const bad = (value as unknown[]).find((v) => typeof v !== 'string' || !solver.keys.includes(v));
    return bad === undefined
      ? undefined
      : `Unknown value ${JSON.stringify(bad)} for '${attr.id}'${list}.`;
  }
  if (Array.isArray(value) || indexOfLiteral({ ...solver, hasNone: false }, value as TermValue) < 0)
    return `Unknown value ${JSON.stringify(value)} for '${attr.id}'${list}.`;
  return undefined;
}
