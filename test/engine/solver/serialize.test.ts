import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/solver/compile.ts';
import { count } from '../../../src/engine/solver/count.ts';
import { domains } from '../../../src/engine/solver/domains.ts';
import { explain } from '../../../src/engine/solver/explain.ts';
import { deserializeCompiled, serializeCompiled } from '../../../src/engine/solver/serialize.ts';
import { decodeCompiled, encodeCompiled } from '../../../src/engine/solver/compiledBinary.ts';
import { SolverError } from '../../../src/engine/solver/SolverError.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import { modelHash } from '../../../src/engine/orders/contentHash.ts';
import { enumerateValid, fixture, randomSelections } from './bruteForce.ts';

describe('serialisation round-trip', () => {
  for (const [name, seed] of [
    ['desk', 41],
    ['sofa', 42],
    ['unsat', 43],
  ] as const) {
    it(`${name}: the loaded model answers like the compiled one`, () => {
      const model = fixture(name);
      const compiled = compile(model);
      const json = JSON.parse(JSON.stringify(serializeCompiled(compiled))) as unknown;
      const loaded = deserializeCompiled(json, model);
      expect(serializeCompiled(loaded)).toEqual(json);
      // the binary form gives the same data, and the same diagram
      const bytes = encodeCompiled(serializeCompiled(compiled));
      const fromBytes = deserializeCompiled(decodeCompiled(bytes), model);
      expect(serializeCompiled(fromBytes)).toEqual(json);
      expect(count(loaded)).toBe(count(compiled));
      for (const s of randomSelections(model, enumerateValid(model), seed, 20)) {
        expect(domains(loaded, s)).toEqual(domains(compiled, s));
        expect(count(loaded, s)).toBe(count(compiled, s));
      }
      const attr = compiled.attributes[0]!;
      expect(explain(loaded, {}, attr.id, attr.keys[0]!)).toEqual(
        explain(compiled, {}, attr.id, attr.keys[0]!),
      );
    });
  }

  const model = fixture('desk');
  const good = serializeCompiled(compile(model));
  const damaged: { name: string; json: unknown; path: string }[] = [
    { name: 'not an object', json: 42, path: '$' },
    { name: 'wrong format', json: { ...good, format: 'x' }, path: '$.format' },
    { name: 'another model', json: { ...good, modelId: 'OTHER' }, path: '$.modelId' },
    {
      name: 'unknown attribute in the order',
      json: { ...good, order: ['nope', ...good.order.slice(1)] },
      path: '$.order[0]',
    },
    {
      name: 'a child pointing up',
      json: { ...good, kids: good.kids.map(() => 999) },
      path: '$.kids',
    },
    { name: 'a root out of range', json: { ...good, root: 10_000 }, path: '$.root' },
    {
      name: 'other content under the same version',
      json: { ...good, modelDigest: 'd64:0000000000000000' },
      path: '$.modelDigest',
    },
    {
      name: 'a version-4 file without its digest',
      json: { ...good, modelDigest: undefined },
      path: '$.modelDigest',
    },
    {
      name: 'a version-3 file of other content (SHA-256 hash)',
      json: { ...good, version: 3, modelDigest: undefined, modelHash: 'sha256:00' },
      path: '$.modelHash',
    },
    { name: 'a negative child', json: { ...good, kids: good.kids.map(() => -1) }, path: '$.kids' },
    { name: 'a future version', json: { ...good, version: 99 }, path: '$.version' },
    { name: 'constraints missing', json: { ...good, constraints: [] }, path: '$.constraints' },
  ];
  it('a version-3 file (SHA-256 modelHash) of the same content still loads', () => {
    const v3 = { ...good, version: 3, modelDigest: undefined, modelHash: modelHash(model) };
    expect(count(deserializeCompiled(v3, model))).toBe(count(compile(model)));
  });

  it('refuses a file when the model changed under the same id and version', () => {
    const document = structuredClone(model.document);
    document.attributes[0]!.label = `${document.attributes[0]!.label} (renamed)`;
    const changed = parseModel(document);
    expect([changed.id, changed.version]).toEqual([model.id, model.version]);
    expect(() => deserializeCompiled(good, changed)).toThrow(
      expect.objectContaining({ code: 'BAD_COMPILED', path: '$.modelDigest' }),
    );
    // the same content parsed again (another object) loads
    expect(count(deserializeCompiled(good, parseModel(structuredClone(model.document))))).toBe(
      count(compile(model)),
    );
  });

  it('keeps only the nodes the roots reach, children first', () => {
    const c = compile(model);
    const garbage = c.mdd.unary(0, [0]); // a node no root reaches
    expect(garbage).toBeGreaterThan(1);
    const s = serializeCompiled(c);
    expect(s.level.length).toBeLessThan(c.mdd.nodeCount - 2);
    expect(serializeCompiled(deserializeCompiled(s, model))).toEqual(s);
  });

  it('binary: damaged or cut-short bytes are BAD_COMPILED', () => {
    const bytes = encodeCompiled(good);
    for (const broken of [
      bytes.subarray(0, bytes.length - 4),
      Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8),
    ])
      expect(() => decodeCompiled(broken)).toThrow(
        expect.objectContaining({ code: 'BAD_COMPILED' }),
      );
  });

  it.each(damaged)('rejects $name with BAD_COMPILED at $path', ({ json, path }) => {
    let error: unknown;
    try {
      deserializeCompiled(json, model);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SolverError);
    expect((error as SolverError).code).toBe('BAD_COMPILED');
    expect((error as SolverError).path).toBe(path);
  });
});
