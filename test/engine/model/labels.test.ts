import { describe, expect, it } from 'vitest';
import { attributeLabel, selectionLabel, valueLabel } from '../../../src/engine/index.ts';
import { valueLabel as panelValueLabel } from '../../../src/react/panels/labels.ts';
import { desk } from '../orders/orderFixture.ts';

describe('valueLabel: one wording of a chosen option (panels and the customer document)', () => {
  it('a choice by its label, a number with its unit, a boolean as yes/no or the given words', () => {
    expect(attributeLabel(desk, 'frame')).toBe('Frame');
    expect(valueLabel(desk, 'frame', 'steel')).toBe('Steel, 3-stage columns');
    expect(valueLabel(desk, 'width', 1600)).toBe('1600 mm');
    expect(valueLabel(desk, 'cableTray', false)).toBe('no');
    expect(valueLabel(desk, 'cableTray', true, { yes: 'ja', no: 'nein' })).toBe('ja');
  });
  it('an id the model does not know is shown as it is; the panels use the same function', () => {
    expect(attributeLabel(desk, 'nope')).toBe('nope');
    expect(valueLabel(desk, 'nope', 'x')).toBe('x');
    expect(valueLabel(desk, 'frame', 'titanium')).toBe('titanium');
    expect(panelValueLabel).toBe(valueLabel);
  });
});

describe('selectionLabel: a whole configuration in words (the insights’ common configurations)', () => {
  it.each([
    [
      // Keys in id order (as stored, canonical); the words follow the model's order.
      { accessories: ['drawer'], drive: 'single', frame: 'steel' },
      'Frame: Steel, 3-stage columns; Lifting system: Single motor, 38 mm/s; Accessories: Under-desk drawer, lockable',
    ],
    [
      { width: 1600, cableTray: true, accessories: [] },
      'Width: 1600 mm; Cable tray under the top: yes; Accessories: none',
    ],
    // An id the model does not know comes last, as it is.
    [{ zeta: 'x', frame: 'aluminium' }, 'Frame: Aluminium, 2-stage columns; zeta: x'],
    [{}, ''],
  ])('%j', (selection, words) => {
    expect(selectionLabel(desk, selection)).toBe(words);
  });
});
