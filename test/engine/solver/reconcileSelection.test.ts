import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { Selection } from '../../../src/engine/model/types.ts';
import { compile } from '../../../src/engine/solver/compile.ts';
import { count } from '../../../src/engine/solver/count.ts';
import { reconcileSelection } from '../../../src/engine/solver/reconcileSelection.ts';
import showcaseJson from '../../fixtures/widget/showcase.json';

const compiled = compile(parseModel(showcaseJson));

describe('reconcileSelection', () => {
  it.each<{
    name: string;
    selection: Selection;
    recency: string[];
    kept: Selection;
    dropped: string[];
  }>([
    {
      name: 'a valid selection stays whole',
      selection: { size: 's', material: 'oak' },
      recency: [],
      kept: { size: 's', material: 'oak' },
      dropped: [],
    },
    {
      name: 'selection order decides without recency',
      selection: { material: 'walnut', size: 's', colour: 'sage' },
      recency: [],
      kept: { material: 'walnut', colour: 'sage' },
      dropped: ['size'],
    },
    {
      name: 'the newest choice wins',
      selection: { material: 'walnut', size: 's', colour: 'sage' },
      recency: ['material', 'colour', 'size'],
      kept: { size: 's', colour: 'sage' },
      dropped: ['material'],
    },
    {
      name: 'a dead value is dropped',
      selection: { handle: 'h09', size: 'l' },
      recency: [],
      kept: { size: 'l' },
      dropped: ['handle'],
    },
    {
      name: 'text attributes pass through',
      selection: { monogram: 'AB', height: 2000, size: 'm' },
      recency: [],
      kept: { monogram: 'AB', height: 2000 },
      dropped: ['size'],
    },
  ])('$name', ({ selection, recency, kept, dropped }) => {
    const result = reconcileSelection(compiled, selection, recency);
    expect(result.selection).toEqual(kept);
    expect(result.changes.map((c) => c.attribute)).toEqual(dropped);
    const { monogram: _text, ...solverPart } = result.selection;
    expect(count(compiled, solverPart)).toBeGreaterThan(0n);
  });
});
