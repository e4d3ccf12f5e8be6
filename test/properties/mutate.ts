import fc from 'fast-check';

/** A path into a JSON document: keys and indices. */
export type JsonKeyPath = (string | number)[];

/** Every path to a value inside `doc` (the root excluded), depth first. */
export function jsonPaths(doc: unknown, limit = 5000): JsonKeyPath[] {
  const out: JsonKeyPath[] = [];
  const stack: [unknown, JsonKeyPath][] = [[doc, []]];
  while (stack.length > 0 && out.length < limit) {
    const [v, path] = stack.pop()!;
    if (path.length > 0) out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...path, i]]));
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) stack.push([x, [...path, k]]);
  }
  return out;
}

/** Hostile values: wrong types, edge numbers, reserved ids, impossible dates, huge texts. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e9,
    -0.0001,
    '',
    ' ',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    '2026-02-30',
    '2026-13-01T00:00:00Z',
    '2026-02-03T09:00:00+99:99',
    '1.5',
    '-12.50',
    '1e400',
    'x'.repeat(5000),
    [],
    {},
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

/** One edit of a document: replace a value, delete a key or element, add an unknown key, duplicate an element. */
export interface Mutation {
  at: number;
  kind: 'replace' | 'delete' | 'add' | 'duplicate';
  value: unknown;
  key: string;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'add', 'duplicate'),
  value: hostileValue,
  key: fc.constantFrom('extra', 'guardRails', 'constructor', 'toString', 'x'),
});

/** `doc` with `mutations` applied (on a deep copy). */
export function mutate<T>(doc: T, mutations: readonly Mutation[]): T {
  const copy = structuredClone(doc) as unknown;
  for (const m of mutations) {
    const paths = jsonPaths(copy);
    if (paths.length === 0) break;
    const path = paths[m.at % paths.length]!;
    const parent = path.slice(0, -1).reduce<any>((v, k) => v[k], copy);
    const last = path.at(-1)!;
    const target = parent[last];
    if (m.kind === 'replace') parent[last] = structuredClone(m.value);
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else if (
      m.kind === 'add' &&
      target !== null &&
      typeof target === 'object' &&
      !Array.isArray(target)
    )
      target[m.key] = structuredClone(m.value);
    else if (m.kind === 'duplicate' && Array.isArray(parent)) parent.push(structuredClone(target));
    else parent[last] = structuredClone(m.value);
  }
  return copy as T;
}

/** 1 to 3 mutations. */
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

/** Fixed seed and bounded runs, so a run is reproducible and takes a second or two. */
export const RUNS = { seed: 20261207, numRuns: 80, interruptAfterTimeLimit: 1_500 } as const;

/**
 * Runs `fn`: a result is fine, so is an error of one of `kinds` whose issues (or path) each name
 * a JSON path; anything else (a TypeError, a RangeError, a stack overflow) fails the property.
 */
export function answersOrNamesThePath(
  fn: () => unknown,
  kinds: readonly (abstract new (...args: never[]) => Error)[],
): { ok: true; value: unknown } | { ok: false; paths: string[] } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (!kinds.some((k) => error instanceof k)) throw error;
    const e = error as { issues?: { path: string }[]; path?: string };
    const paths = e.issues?.map((i) => i.path) ?? (e.path === undefined ? [] : [e.path]);
    if (paths.length === 0 || !paths.every((p) => p.startsWith('$')))
      throw new Error(`an error without JSON paths: ${(error as Error).message}`, { cause: error });
    return { ok: false, paths };
  }
}
