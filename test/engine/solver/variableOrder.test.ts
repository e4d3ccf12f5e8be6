import { describe, expect, it } from 'vitest';
import { featureTreeOrder } from '../../../src/engine/solver/variableOrder.ts';

describe('featureTreeOrder: the pre-order of the tree the [child, parent] implications spell', () => {
  it.each<[string, number, [number, number][], number[]]>([
    [
      'children in the order of their implications',
      4,
      [
        [2, 0],
        [1, 0],
        [3, 2],
      ],
      [0, 2, 3, 1],
    ],
    [
      'the first parent wins (a cross-tree implication later)',
      3,
      [
        [1, 0],
        [2, 1],
        [2, 0],
      ],
      [0, 1, 2],
    ],
    [
      'an implication closing a cycle is ignored',
      3,
      [
        [1, 0],
        [0, 1],
        [2, 1],
      ],
      [0, 1, 2],
    ],
    [
      'roots in index order, unconnected variables as roots',
      5,
      [
        [4, 3],
        [1, 3],
      ],
      [0, 2, 3, 4, 1],
    ],
    ['no implications: index order', 3, [], [0, 1, 2]],
  ])('%s', (_, count, implications, expected) => {
    expect(featureTreeOrder(count, implications)).toEqual(expected);
  });
});
