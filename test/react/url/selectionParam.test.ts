import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { Selection } from '../../../src/engine/model/types.ts';
import { decodeSelection, encodeSelection } from '../../../src/react/url/selectionParam.ts';
import { migrateSelection } from '../../../src/react/url/migrateSelection.ts';
import deskJson from '../../fixtures/minimal/desk.json';

const desk = parseModel(deskJson);

describe('encodeSelection / decodeSelection', () => {
  const cases: { selection: Selection; quantity: number; param: string }[] = [
    { selection: {}, quantity: 1, param: 'MINIDESK@2026-03-01|q=1' },
    {
      selection: { top: 'oak', frame: 'steel' },
      quantity: 3,
      param: 'MINIDESK@2026-03-01|q=3|frame=steel|top=oak',
    },
    {
      selection: { accessories: ['arm', 'cpu'], width: 1250, cableTray: false },
      quantity: 1,
      param: 'MINIDESK@2026-03-01|q=1|width=1250|cableTray=false|accessories=arm,cpu',
    },
    {
      selection: { engraving: 'Hi there 2' },
      quantity: 1,
      param: 'MINIDESK@2026-03-01|q=1|engraving=Hi%20there%202',
    },
    { selection: { accessories: [] }, quantity: 2, param: 'MINIDESK@2026-03-01|q=2|accessories=' },
  ];
  it.each(cases)('$param', ({ selection, quantity, param }) => {
    expect(encodeSelection(desk, selection, quantity)).toBe(param);
    const decoded = decodeSelection(param)!;
    expect(decoded.modelId).toBe('MINIDESK');
    expect(decoded.quantity).toBe(quantity);
    const migrated = migrateSelection(desk, decoded)!;
    expect(migrated.selection).toEqual(selection);
    expect(migrated.dropped).toEqual([]);
    expect(migrated.fromVersion).toBeUndefined();
  });

  it('separators in text survive the round trip (and off-pattern text is named, not kept)', () => {
    const param = encodeSelection(desk, { engraving: 'A|B=C, d%' }, 1);
    expect(param).toBe('MINIDESK@2026-03-01|q=1|engraving=A%7CB%3DC%2C%20d%25');
    const migrated = migrateSelection(desk, decodeSelection(param)!)!;
    expect(migrated.selection).toEqual({});
    expect(migrated.dropped).toEqual([
      { attribute: 'engraving', label: 'Engraving', value: 'A|B=C, d%', reason: 'unknown-value' },
    ]);
  });

  it.each([
    ['', undefined],
    ['no-version-here', undefined],
    ['@2026|q=1', undefined],
    // The quantity as written: the session checks it against the model's limits and names a
    // refused one (never a silent 1).
    ['X@1|q=0|a=b', { modelId: 'X', version: '1', quantity: 0, raw: { a: 'b' } }],
    ['X@1|q=2.5|junk|a=b=c', { modelId: 'X', version: '1', quantity: '2.5', raw: { a: 'b=c' } }],
    ['X@1|q=abc', { modelId: 'X', version: '1', quantity: 'abc', raw: {} }],
  ])('decodes %j', (param, expected) => {
    expect(decodeSelection(param)).toEqual(expected);
  });
});

describe('migrateSelection', () => {
  it.each([
    {
      name: 'another model is not migrated',
      raw: { frame: 'steel' },
      modelId: 'SOFA',
      expected: undefined,
    },
    {
      name: 'unknown attributes, values and malformed numbers are named',
      raw: { colour: 'red', frame: 'wood', width: '1300', top: 'oak', cableTray: 'yes' },
      modelId: 'MINIDESK',
      expected: {
        selection: { top: 'oak' },
        dropped: [
          { attribute: 'colour', label: 'colour', value: 'red', reason: 'unknown-attribute' },
          { attribute: 'frame', label: 'Frame', value: 'wood', reason: 'unknown-value' },
          { attribute: 'width', label: 'Width', value: '1300', reason: 'unknown-value' },
          { attribute: 'cableTray', label: 'Cable tray', value: 'yes', reason: 'unknown-value' },
        ],
      },
    },
    {
      name: 'a multi keeps the items that still exist',
      raw: { accessories: 'arm,lamp,drawer' },
      modelId: 'MINIDESK',
      expected: {
        selection: { accessories: ['arm', 'drawer'] },
        dropped: [
          {
            attribute: 'accessories',
            label: 'Accessories',
            value: 'lamp',
            reason: 'unknown-value',
          },
        ],
      },
    },
  ])('$name', ({ raw, modelId, expected }) => {
    const result = migrateSelection(desk, { modelId, version: 'old', quantity: 1, raw });
    if (expected === undefined) return expect(result).toBeUndefined();
    expect(result?.selection).toEqual(expected.selection);
    expect(result?.dropped).toEqual(expected.dropped);
    expect(result?.fromVersion).toBe('old');
  });
});
