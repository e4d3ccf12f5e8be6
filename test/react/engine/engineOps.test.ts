import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/index.ts';
import { createEngineOps, pageEngineOps } from '../../../src/react/engine/engineOps.ts';

const desk = parseModel(
  JSON.parse(readFileSync(new URL('../../../public/catalogue/desk.json', import.meta.url), 'utf8')),
);

describe('createEngineOps (the calls the widget and its worker make)', () => {
  it('a model past the node limit answers through the SAT fallback, as the diagram does', () => {
    const diagram = createEngineOps(desk);
    const sat = createEngineOps(desk, { maxNodes: 5 });
    expect(diagram.path).toBe('diagram');
    expect(sat.path).toBe('sat');
    expect(sat.size).toBe(diagram.size);
    const full = diagram.complete({}, 'defaults');
    const ids = Object.keys(full);
    const partial = { [ids[0]!]: full[ids[0]!]!, [ids[2]!]: full[ids[2]!]! };
    for (const selection of [{}, partial, full]) {
      expect(sat.domains(selection)).toEqual(diagram.domains(selection));
      expect(sat.complete(selection, 'defaults')).toEqual(diagram.complete(selection, 'defaults'));
    }
    let conflicts = 0;
    for (const [id, values] of Object.entries(diagram.domains(full)))
      for (const [key, state] of Object.entries(values))
        if (state === 'conflict' && conflicts++ < 6) {
          expect(sat.explain(full, id, key)).toEqual(diagram.explain(full, id, key));
          expect(sat.repair(full, id, key, ids)).toEqual(diagram.repair(full, id, key, ids));
          // a loaded selection that no longer fits: both keep and drop the same choices
          const loaded = { ...full, [id]: key === 'true' ? true : key === 'false' ? false : key };
          expect(sat.reconcile(loaded, ids)).toEqual(diagram.reconcile(loaded, ids));
          expect(sat.reconcile(loaded, ids).changes.length).toBeGreaterThan(0);
        }
    expect(conflicts).toBeGreaterThan(0);
  });

  it('cheapest and fastest need the diagram: the fallback says so by code', () => {
    const sat = createEngineOps(desk, { maxNodes: 5 });
    expect(() => sat.complete({}, 'cheapest')).toThrow(
      expect.objectContaining({ code: 'OBJECTIVE_UNAVAILABLE' }),
    );
  });

  it('a contradictory model is UNSATISFIABLE on both paths', () => {
    const doc = JSON.parse(
      readFileSync(new URL('../../../public/catalogue/desk.json', import.meta.url), 'utf8'),
    ) as { constraints?: unknown[]; attributes: { id: string; type: string }[] };
    const bool = doc.attributes.find((a) => a.type === 'boolean')!.id;
    doc.constraints = [
      ...(doc.constraints ?? []),
      { id: 'x1', rule: `${bool}` },
      { id: 'x2', rule: `not ${bool}` },
    ];
    const broken = parseModel(doc);
    for (const options of [{}, { maxNodes: 5 }])
      expect(() => createEngineOps(broken, options)).toThrow(
        expect.objectContaining({ code: 'UNSATISFIABLE' }),
      );
  });

  it('the page path: the diagram at once; past the limit the fallback, loaded, as a promise', async () => {
    const diagram = pageEngineOps(desk);
    expect(diagram).not.toBeInstanceOf(Promise);
    const pending = pageEngineOps(desk, { maxNodes: 5 });
    expect(pending).toBeInstanceOf(Promise);
    const sat = await pending;
    expect(sat.path).toBe('sat');
    const full = createEngineOps(desk).complete({}, 'defaults');
    expect(sat.domains(full)).toEqual(
      (diagram as ReturnType<typeof createEngineOps>).domains(full),
    );
  });
});
