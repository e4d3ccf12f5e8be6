import { describe, expect, it } from 'vitest';
import {
  createConfiguratorStore,
  type ConfiguratorState,
} from '../../../src/react/store/createConfiguratorStore.ts';

type Step = (s: ConfiguratorState) => void;

describe('createConfiguratorStore', () => {
  const cases: {
    name: string;
    steps: Step[];
    selection: object;
    past: number;
    future: number;
    recency: string[];
  }[] = [
    {
      name: 'select',
      steps: [(s) => s.select('frame', 'steel')],
      selection: { frame: 'steel' },
      past: 1,
      future: 0,
      recency: ['frame'],
    },
    {
      name: 'selecting the same value is no step',
      steps: [(s) => s.select('frame', 'steel'), (s) => s.select('frame', 'steel')],
      selection: { frame: 'steel' },
      past: 1,
      future: 0,
      recency: ['frame'],
    },
    {
      name: 'undo then redo',
      steps: [
        (s) => s.select('frame', 'steel'),
        (s) => s.select('top', 'oak'),
        (s) => s.undo(),
        (s) => s.redo(),
      ],
      selection: { frame: 'steel', top: 'oak' },
      past: 2,
      future: 0,
      recency: ['frame', 'top'],
    },
    {
      name: 'undo twice',
      steps: [
        (s) => s.select('frame', 'steel'),
        (s) => s.select('top', 'oak'),
        (s) => s.undo(),
        (s) => s.undo(),
      ],
      selection: {},
      past: 0,
      future: 2,
      recency: ['frame', 'top'],
    },
    {
      name: 'replace is one undoable step and bumps recency',
      steps: [
        (s) => s.select('frame', 'aluminium'),
        (s) => s.select('top', 'laminate'),
        (s) => s.replace({ top: 'oak' }, ['top']),
      ],
      selection: { top: 'oak' },
      past: 3,
      future: 0,
      recency: ['frame', 'top'],
    },
    {
      name: 'a new choice clears redo',
      steps: [(s) => s.select('frame', 'steel'), (s) => s.undo(), (s) => s.select('top', 'oak')],
      selection: { top: 'oak' },
      past: 1,
      future: 0,
      recency: ['frame', 'top'],
    },
    {
      name: 'clear and reset',
      steps: [
        (s) => s.select('frame', 'steel'),
        (s) => s.select('top', 'oak'),
        (s) => s.clear('frame'),
        (s) => s.reset(),
      ],
      selection: {},
      past: 4,
      future: 0,
      recency: ['frame', 'top'],
    },
    {
      name: 'equal multi sets are no step',
      steps: [(s) => s.select('acc', ['a', 'b']), (s) => s.select('acc', ['a', 'b'])],
      selection: { acc: ['a', 'b'] },
      past: 1,
      future: 0,
      recency: ['acc'],
    },
    {
      name: 'load sets without history',
      steps: [(s) => s.select('frame', 'steel'), (s) => s.load({ top: 'oak' }, 3)],
      selection: { top: 'oak' },
      past: 0,
      future: 0,
      recency: ['top'],
    },
  ];
  it.each(cases)('$name', ({ steps, selection, past, future, recency }) => {
    const store = createConfiguratorStore();
    for (const step of steps) step(store.getState());
    const state = store.getState();
    expect(state.selection).toEqual(selection);
    expect(state.past).toHaveLength(past);
    expect(state.future).toHaveLength(future);
    expect(state.recency).toEqual(recency);
  });

  it.each([
    [2.7, 2],
    [0, 1],
    [-3, 1],
    [Number.NaN, 1],
  ])('quantity %d becomes %d', (q, expected) => {
    const store = createConfiguratorStore();
    store.getState().setQuantity(q);
    expect(store.getState().quantity).toBe(expected);
  });
});
