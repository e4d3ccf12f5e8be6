import { describe, expect, it } from 'vitest';
import type { Selection } from '../../../src/engine/model/types.ts';
import { compile } from '../../../src/engine/solver/compile.ts';
import { validate } from '../../../src/engine/solver/validate.ts';
import { enumerateAll, fixture, isValid, toSelection } from './bruteForce.ts';

describe('validate: violated constraint ids', () => {
  const model = fixture('desk');
  const full: Selection = {
    frame: 'steel',
    top: 'laminate',
    legs: 'round',
    cable: 'black',
    accessories: [],
    width: 1400,
    motor: false,
  };
  const cases: { name: string; selection: Selection; ids: string[] }[] = [
    { name: 'a valid configuration', selection: full, ids: [] },
    {
      name: 'unknown attribute and values',
      selection: { ...full, colour: 'red', width: 1250, top: 'marble', note: 'far too long text' },
      ids: ['unknown:colour', 'domain:width', 'domain:top', 'domain:note', 'tops', 'wide-oak'],
    },
    {
      name: 'legs while irrelevant',
      selection: { ...full, frame: 'aluminium', top: 'glass', width: 1100 },
      ids: ['relevance:legs'],
    },
    {
      name: 'legs missing while relevant',
      selection: {
        frame: 'steel',
        top: 'laminate',
        cable: 'black',
        accessories: [],
        width: 1400,
        motor: false,
      },
      ids: ['required:legs'],
    },
    {
      name: 'too many accessories, lamp without motor',
      selection: { ...full, accessories: ['rack', 'lamp', 'hook'] },
      ids: ['cardinality:accessories', 'lamp-motor'],
    },
    {
      name: 'forbidden table row with a none cell',
      selection: { ...full, cable: undefined as never },
      ids: ['cable-legs'],
    },
  ];
  it.each(cases)('$name', ({ selection, ids }) => {
    const clean = Object.fromEntries(Object.entries(selection).filter(([, v]) => v !== undefined));
    expect(
      validate(model, clean)
        .map((v) => v.constraintId)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('takes a compiled model too', () => {
    expect(
      validate(compile(model), { ...full, motor: true, frame: 'wood' }).map((v) => v.constraintId),
    ).toContain('motor-steel');
  });
});

describe('validate agrees with the oracle on every complete configuration', () => {
  for (const name of ['desk', 'sofa', 'lintme', 'mixed']) {
    it(name, () => {
      const model = fixture(name);
      let valid = 0;
      for (const c of enumerateAll(model)) {
        const ok = validate(model, toSelection(c)).length === 0;
        expect(ok, JSON.stringify(toSelection(c))).toBe(isValid(model, c));
        if (ok) valid++;
      }
      expect(valid).toBeGreaterThan(0);
    });
  }
});
