import { checkLiteral, checkRule, type AttributeLookup } from './checkRule.ts';
import { expandModules } from './expandModules.ts';
import { jsonPath } from './jsonPath.ts';
import { checkModel3d } from './model3d.ts';
import { findCycle } from '../findCycle.ts';
import { parseRule } from './rules/parseRule.ts';
import type { Expr } from './rules/ast.ts';
import { modelDocumentSchema, type AttributeDocument, type ModelDocument } from './schema.ts';
import { ModelError, type ModelIssue, type ProductModel } from './types.ts';
import { parseVisuals } from '../visuals/parseVisuals.ts';

/**
 * Validates a product model document (model.md) and returns it parsed: rules as syntax trees,
 * repeated modules expanded. Throws a `ModelError` listing every problem with its JSON path.
 *
 * @example
 * const model = parseModel(JSON.parse(text));
 * model.constraints[0]; // { kind: 'rule', id: 'dual-needs-steel', expr: {…}, path: '$.constraints[0]' }
 */
export function parseModel(json: unknown): ProductModel {
  const result = modelDocumentSchema.safeParse(json);
  if (!result.success) {
    throw new ModelError(
      result.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
    );
  }
  const document = result.data;
  const issues: ModelIssue[] = [];
  checkStructure(document, issues);
  checkModel3d(document, issues);
  if (issues.length > 0) throw new ModelError(issues);

  const parsed = expandModules(document, issues, parseAndCheck);
  if (issues.length > 0) throw new ModelError(issues);
  const visuals = parseVisuals(document, parsed, issues, parseAndCheck);
  if (issues.length > 0) throw new ModelError(issues);
  return visuals ? { ...parsed, visuals } : parsed;
}

/** Parses one rule string and checks its references; reports problems as issues at `path`. */
function parseAndCheck(
  text: string,
  path: string,
  owner: string,
  lookup: AttributeLookup,
  issues: ModelIssue[],
): Expr | undefined {
  const parsed = parseRule(text);
  if (!parsed.ok) {
    issues.push({ path, message: `${owner}: syntax error at ${parsed.error.message}` });
    return undefined;
  }
  const problems = checkRule(parsed.expr, lookup);
  for (const p of problems)
    issues.push({ path, message: `${owner}: column ${p.column}: ${p.message}` });
  return problems.length === 0 ? parsed.expr : undefined;
}

function duplicates<T>(
  items: readonly T[],
  key: (item: T) => string,
  path: (i: number) => string,
  what: string,
  issues: ModelIssue[],
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined)
      issues.push({
        path: path(i),
        message: `duplicate ${what} id '${k}' (first at index ${first})`,
      });
    else seen.set(k, i);
  });
}

/** Checks ids, groups, defaults and ranges: everything not inside a rule or a table. */
function checkStructure(doc: ModelDocument, issues: ModelIssue[]): void {
  const groupIds = new Set(doc.groups.map((g) => g.id));
  duplicates(
    doc.groups,
    (g) => g.id,
    (i) => jsonPath(['groups', i, 'id']),
    'group',
    issues,
  );
  duplicates(
    doc.attributes,
    (a) => a.id,
    (i) => jsonPath(['attributes', i, 'id']),
    'attribute',
    issues,
  );
  duplicates(
    doc.constraints,
    (c) => c.id,
    (i) => jsonPath(['constraints', i, 'id']),
    'constraint',
    issues,
  );
  duplicates(
    doc.modules,
    (m) => m.id,
    (i) => jsonPath(['modules', i, 'id']),
    'module',
    issues,
  );
  duplicates(
    doc.routing,
    (o) => o.op,
    (i) => jsonPath(['routing', i, 'op']),
    'operation',
    issues,
  );

  doc.attributes.forEach((attr, i) => {
    const at = (...keys: PropertyKey[]) => jsonPath(['attributes', i, ...keys]);
    if (!groupIds.has(attr.group))
      issues.push({
        path: at('group'),
        message: `unknown group '${attr.group}' for attribute '${attr.id}' (groups: ${[...groupIds].join(', ')})`,
      });
    checkAttributeDefaults(attr, at, issues);
  });

  const owner = new Map<string, string>();
  doc.modules.forEach((mod, m) => {
    mod.attributes.forEach((attrId, j) => {
      const path = jsonPath(['modules', m, 'attributes', j]);
      if (!doc.attributes.some((a) => a.id === attrId))
        issues.push({ path, message: `module '${mod.id}' lists unknown attribute '${attrId}'` });
      const previous = owner.get(attrId);
      if (previous)
        issues.push({ path, message: `attribute '${attrId}' is already in module '${previous}'` });
      owner.set(attrId, mod.id);
    });
  });

  const ops = new Set(doc.routing.map((o) => o.op));
  doc.routing.forEach((op, i) =>
    op.after.forEach((pred, j) => {
      if (!ops.has(pred))
        issues.push({
          path: jsonPath(['routing', i, 'after', j]),
          message: `operation '${op.op}' runs after unknown operation '${pred}'`,
        });
    }),
  );
  const cycle = findCycle(
    doc.routing.map((o) => o.op),
    (op) => doc.routing.find((o) => o.op === op)?.after ?? [],
  );
  if (cycle)
    issues.push({
      path: jsonPath(['routing', doc.routing.findIndex((o) => o.op === cycle[0]), 'after']),
      message: `routing cycle: ${cycle.join(' runs after ')} (no operation could start)`,
    });
}

function checkAttributeDefaults(
  attr: AttributeDocument,
  at: (...keys: PropertyKey[]) => string,
  issues: ModelIssue[],
): void {
  switch (attr.type) {
    case 'choice':
    case 'multi': {
      duplicates(
        attr.values,
        (v) => v.id,
        (j) => at('values', j, 'id'),
        `value of '${attr.id}'`,
        issues,
      );
      const defaults =
        attr.default === undefined
          ? []
          : typeof attr.default === 'string'
            ? [attr.default]
            : attr.default;
      defaults.forEach((d, j) => {
        const problem = checkLiteral(attr, d);
        if (problem)
          issues.push({
            path: attr.type === 'multi' ? at('default', j) : at('default'),
            message: problem,
          });
      });
      if (attr.type === 'multi') {
        const min = attr.min ?? 0;
        const max = attr.max ?? attr.values.length;
        if (min > max)
          issues.push({ path: at('min'), message: `min (${min}) exceeds max (${max})` });
        if (min > attr.values.length)
          issues.push({
            path: at('min'),
            message: `min (${min}) exceeds the number of values (${attr.values.length})`,
          });
      }
      return;
    }
    case 'number': {
      if (attr.min > attr.max)
        issues.push({ path: at('min'), message: `min (${attr.min}) exceeds max (${attr.max})` });
      const steps = (attr.max - attr.min) / attr.step;
      if (steps > 100_000)
        issues.push({
          path: at('step'),
          message: `${Math.floor(steps) + 1} values: a number attribute may have at most 100001 steps`,
        });
      if (attr.default !== undefined && !isOnStep(attr.default, attr.min, attr.max, attr.step))
        issues.push({
          path: at('default'),
          message: `default ${attr.default} is not one of ${attr.min}..${attr.max} by ${attr.step}`,
        });
      return;
    }
    case 'text': {
      if (attr.pattern !== undefined) {
        try {
          new RegExp(attr.pattern, 'u');
        } catch (error) {
          issues.push({
            path: at('pattern'),
            message: `invalid regular expression: ${(error as Error).message}`,
          });
        }
      }
      if (
        attr.minLength !== undefined &&
        attr.maxLength !== undefined &&
        attr.minLength > attr.maxLength
      )
        issues.push({ path: at('minLength'), message: `minLength exceeds maxLength` });
      return;
    }
    case 'boolean':
      return;
    default:
      attr satisfies never;
  }
}

/** Whether `value` is one of min, min + step, … ≤ max (with a tolerance for decimal steps). */
export function isOnStep(value: number, min: number, max: number, step: number): boolean {
  if (value < min || value > max) return false;
  const k = (value - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}
