import { jsonPath } from './jsonPath.ts';
import type { Attribute, ProductModel } from './types.ts';

/**
 * Why `value` is not a value of `attr` (a message), or undefined when it is: choice and multi
 * values by id, booleans as JSON booleans, numbers within the attribute's range.
 *
 * @example
 * valueProblem(frameAttr, 'wood'); // "'wood' is not a value of 'frame' (values: steel, aluminium)"
 */
export function valueProblem(attr: Attribute, value: unknown): string | undefined {
  const shown = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  switch (attr.type) {
    case 'choice':
    case 'multi':
      return typeof value === 'string' && attr.values.some((v) => v.id === value)
        ? undefined
        : `${shown} is not a value of '${attr.id}' (values: ${attr.values.map((v) => v.id).join(', ')})`;
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : `'${attr.id}' is a boolean attribute: use true or false, not ${shown}`;
    case 'number':
      return typeof value === 'number' && value >= attr.min && value <= attr.max
        ? undefined
        : `${shown} is not a number in ${attr.min}..${attr.max} for '${attr.id}'`;
    case 'text':
      return typeof value === 'string' ? undefined : `'${attr.id}' is a text attribute`;
    default:
      return attr satisfies never;
  }
}

/**
 * What a selection names that `model` does not know — attributes, values, a single value for a
 * multi attribute, a number out of range — as issues at `$.…selection.<attribute>` below `at`
 * (e.g. `['lines', 0]`). Pricing and promising check a request's selections with it.
 *
 * @example
 * selectionIssues({ frame: 'gold' }, desk, ['lines', 0]);
 * // [{ path: '$.lines[0].selection.frame', message: "'gold' is not a value of 'frame' (values: steel, aluminium)" }]
 */
export function selectionIssues(
  selection: Readonly<Record<string, unknown>>,
  model: ProductModel,
  at: readonly PropertyKey[],
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  for (const [attribute, value] of Object.entries(selection)) {
    const attr = model.attributes.find((a) => a.id === attribute);
    const path = jsonPath([...at, 'selection', attribute]);
    if (!attr) {
      issues.push({
        path,
        message: `unknown attribute '${attribute}' of product '${model.id}' (attributes: ${model.attributes.map((a) => a.id).join(', ')})`,
      });
      continue;
    }
    if (attr.type === 'multi' && !Array.isArray(value)) {
      issues.push({
        path,
        message: `'${attribute}' is a multi attribute: give a list of value ids`,
      });
      continue;
    }
    for (const v of attr.type === 'multi' ? (value as unknown[]) : [value]) {
      const problem = valueProblem(attr, v);
      if (problem) issues.push({ path, message: problem });
    }
  }
  return issues;
}
