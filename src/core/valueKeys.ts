import type { Attribute, SelectionValue } from '../engine/index.ts';

/** Rounds away binary noise so number steps compare exactly (as the solver does). */
function tidy(x: number): number {
  return Number(x.toFixed(10));
}

/**
 * The value keys of an attribute as the solver's `Domains` names them: value ids, `String(n)` for
 * each number on the step grid, `'false'`/`'true'`. Text attributes have none.
 */
export function valueKeys(attribute: Attribute): string[] {
  switch (attribute.type) {
    case 'choice':
    case 'multi':
      return attribute.values.map((v) => v.id);
    case 'boolean':
      return ['false', 'true'];
    case 'number': {
      const out: string[] = [];
      const n = Math.floor((attribute.max - attribute.min) / attribute.step + 1e-9);
      for (let k = 0; k <= n; k++) out.push(String(tidy(attribute.min + k * attribute.step)));
      return out;
    }
    case 'text':
      return [];
    default:
      return attribute satisfies never;
  }
}

/** The selection value a value key stands for (for a multi: the item id). */
export function keyToValue(attribute: Attribute, key: string): SelectionValue {
  switch (attribute.type) {
    case 'number':
      return Number(key);
    case 'boolean':
      return key === 'true';
    case 'choice':
    case 'multi':
    case 'text':
      return key;
    default:
      return attribute satisfies never;
  }
}

/** Whether `value` is one of the attribute's values (the right type, on the grid, known ids). */
export function isValidValue(attribute: Attribute, value: SelectionValue): boolean {
  switch (attribute.type) {
    case 'choice':
      return typeof value === 'string' && attribute.values.some((v) => v.id === value);
    case 'multi':
      return (
        Array.isArray(value) &&
        (value as readonly string[]).every((id) => attribute.values.some((v) => v.id === id))
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && valueKeys(attribute).includes(String(tidy(value)));
    case 'text':
      return typeof value === 'string' && textProblem(attribute, value) === undefined;
    default:
      return attribute satisfies never;
  }
}

/** Why a text value is not acceptable (too short, too long, off its pattern), or undefined. */
export function textProblem(
  attribute: Extract<Attribute, { type: 'text' }>,
  value: string,
): 'too-short' | 'too-long' | 'pattern' | undefined {
  if (attribute.minLength !== undefined && value.length < attribute.minLength) return 'too-short';
  if (attribute.maxLength !== undefined && value.length > attribute.maxLength) return 'too-long';
  if (attribute.pattern !== undefined) {
    let ok: boolean;
    try {
      ok = new RegExp(attribute.pattern, 'u').test(value);
    } catch {
      ok = true; // an unreadable pattern is the model linter's finding, not the buyer's problem
    }
    if (!ok) return 'pattern';
  }
  return undefined;
}
