import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import type { Selection } from '../../src/engine/model/types.ts';
import { deriveSelection } from '../../src/core/deriveSelection.ts';
import deskJson from '../fixtures/minimal/desk.json';
import showcaseJson from '../fixtures/widget/showcase.json';

const desk = parseModel(deskJson);
const showcase = parseModel(showcaseJson);

describe('deriveSelection', () => {
  it.each<{
    name: string;
    model: typeof desk;
    stored: Selection;
    shown: Selection;
    solver: Selection;
    hidden: string[];
    malformed: string[];
    underMin: string[];
  }>([
    {
      name: 'legs are hidden (and dropped) unless the frame is steel',
      model: desk,
      stored: { frame: 'aluminium', legs: 't' },
      shown: { frame: 'aluminium' },
      solver: { frame: 'aluminium' },
      hidden: ['legs'],
      malformed: [],
      underMin: [],
    },
    {
      name: 'on steel the stored legs come back',
      model: desk,
      stored: { frame: 'steel', legs: 't', engraving: 'Hi' },
      shown: { frame: 'steel', legs: 't', engraving: 'Hi' },
      solver: { frame: 'steel', legs: 't' },
      hidden: [],
      malformed: [],
      underMin: [],
    },
    {
      name: 'off-grid numbers, unknown ids and bad text are malformed',
      model: desk,
      stored: { width: 1300, top: 'glass', nope: 1, engraving: 'ö!' },
      shown: {},
      solver: {},
      hidden: ['legs'],
      malformed: ['width', 'top', 'nope', 'engraving'],
      underMin: [],
    },
    {
      name: 'a multi below its min is shown but not given to the solver',
      model: showcase,
      stored: { shelves: [], glassDoors: true, lighting: 'warm' },
      shown: { shelves: [], glassDoors: true, lighting: 'warm' },
      solver: { glassDoors: true, lighting: 'warm' },
      hidden: [],
      malformed: [],
      underMin: ['shelves'],
    },
    {
      name: 'relevance on a boolean',
      model: showcase,
      stored: { glassDoors: false, lighting: 'warm' },
      shown: { glassDoors: false },
      solver: { glassDoors: false },
      hidden: ['lighting'],
      malformed: [],
      underMin: [],
    },
  ])('$name', ({ model, stored, shown, solver, hidden, malformed, underMin }) => {
    const d = deriveSelection(model, stored);
    expect(d.shown).toEqual(shown);
    expect(d.solver).toEqual(solver);
    expect([...d.hidden]).toEqual(hidden);
    expect([...d.malformed]).toEqual(malformed);
    expect([...d.underMin]).toEqual(underMin);
  });
});
