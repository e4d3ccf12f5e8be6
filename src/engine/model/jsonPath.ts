/**
 * Formats a path of keys as a JSON path: `['attributes', 2, 'id']` → `$.attributes[2].id`.
 *
 * @example
 * jsonPath(['values', 0, 'bom']) // '$.values[0].bom'
 */
export function jsonPath(keys: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
