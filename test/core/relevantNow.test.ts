import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import type { Selection } from '../../src/engine/model/types.ts';
import { deriveSelection } from '../../src/core/deriveSelection.ts';
import { relevantNow } from '../../src/core/relevantNow.ts';
import sofaJson from '../../public/catalogue/sofa.json';
import deskJson from '../fixtures/minimal/desk.json';
import showcaseJson from '../fixtures/widget/showcase.json';

const sofa = parseModel(sofaJson);
const desk = parseModel(deskJson);
const showcase = parseModel(showcaseJson);

describe('relevantNow', () => {
  const cases: {
    model: typeof desk;
    attribute: string;
    selection: Selection;
    expected: boolean;
  }[] = [
    // legs: frame = 'steel'; frame is open and could be aluminium
    { model: desk, attribute: 'legs', selection: {}, expected: false },
    { model: desk, attribute: 'legs', selection: { frame: 'steel' }, expected: true },
    { model: desk, attribute: 'legs', selection: { frame: 'aluminium' }, expected: false },
    // seat modules 1 and 2 exist for every seat count (2..5); 3 only from 3 seats on
    { model: sofa, attribute: 'seat[1].seatType', selection: {}, expected: true },
    { model: sofa, attribute: 'seat[2].firmness', selection: {}, expected: true },
    { model: sofa, attribute: 'seat[3].seatType', selection: {}, expected: false },
    { model: sofa, attribute: 'seat[3].seatType', selection: { 'seat.count': 3 }, expected: true },
    { model: sofa, attribute: 'seat[5].seatType', selection: { 'seat.count': 4 }, expected: false },
    // lighting: glassDoors (a boolean, open: false or true)
    { model: showcase, attribute: 'lighting', selection: {}, expected: false },
    { model: showcase, attribute: 'lighting', selection: { glassDoors: true }, expected: true },
  ];
  it.each(cases)(
    '$attribute under $selection → $expected',
    ({ model, attribute, selection, expected }) => {
      const byId = new Map(model.attributes.map((a) => [a.id, a] as const));
      const relevance = byId.get(attribute)!.relevance!;
      expect(relevantNow(relevance, selection, byId)).toBe(expected);
    },
  );

  it('the sofa shows its first two seat modules before the seat count is chosen', () => {
    const hidden = deriveSelection(sofa, {}).hidden;
    expect(
      [...hidden].filter((id) => id.startsWith('seat[1]') || id.startsWith('seat[2]')),
    ).toEqual(['seat[1].headrest', 'seat[2].headrest']);
    expect(hidden.has('seat[3].seatType')).toBe(true);
  });
});
