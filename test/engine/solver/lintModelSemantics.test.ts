import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/solver/compile.ts';
import { lintModelSemantics } from '../../../src/engine/solver/lintModelSemantics.ts';
import { SolverError } from '../../../src/engine/solver/SolverError.ts';
import { fixture } from './bruteForce.ts';

describe('lintModelSemantics', () => {
  const cases: { name: string; findings: [string, string, string][] }[] = [
    {
      name: 'lintme',
      findings: [
        ['warning', 'dead-value', '$.attributes[0].values[2]'],
        ['warning', 'dead-value', '$.attributes[1].values[0]'],
        ['warning', 'forced-value', '$.attributes[1].values[1]'],
        ['warning', 'never-relevant', '$.attributes[2]'],
      ],
    },
    { name: 'unsat', findings: [['error', 'unsatisfiable', '$.constraints']] },
    { name: 'desk', findings: [['warning', 'dead-value', '$.attributes[5]']] },
    { name: 'sofa', findings: [] },
  ];
  it.each(cases)('$name', ({ name, findings }) => {
    const got = lintModelSemantics(compile(fixture(name)));
    expect(got.map((f) => [f.severity, f.code, f.path])).toEqual(findings);
    for (const f of got) expect(f.message.length).toBeGreaterThan(10);
  });
});

describe('compile limit', () => {
  it('stops past maxNodes with COMPILE_LIMIT and says how far it got', () => {
    let error: unknown;
    try {
      compile(fixture('desk'), { maxNodes: 12 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SolverError);
    const e = error as SolverError;
    expect(e.code).toBe('COMPILE_LIMIT');
    expect(e.details.nodes).toBeGreaterThanOrEqual(12);
    expect(e.details.variables).toBe(9);
    expect(e.message).toMatch(/12 nodes/);
  });
});
