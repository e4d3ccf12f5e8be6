import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/solver/compile.ts';
import { IncrementalSupport } from '../../../src/engine/solver/incrementalSupport.ts';
import { Mdd, reachable } from '../../../src/engine/solver/mdd.ts';
import { selectionMasks } from '../../../src/engine/solver/selectionMasks.ts';
import { support, type Masks } from '../../../src/engine/solver/support.ts';
import { seededRandom } from '../../../src/engine/random.ts';
import { enumerateValid, fixture, randomSelections } from './bruteForce.ts';

/** Random masks: each level unrestricted, or a random non-empty or empty subset of its values. */
function randomMasks(sizes: readonly number[], random: () => number): Masks {
  return sizes.map((size) => {
    if (random() < 0.6) return undefined;
    const m = new Uint8Array(size);
    for (let i = 0; i < size; i++) m[i] = random() < 0.4 ? 1 : 0;
    return m;
  });
}

describe('IncrementalSupport answers exactly what support answers', () => {
  for (const [name, seed] of [
    ['desk', 1],
    ['sofa', 2],
    ['mixed', 5],
    ['unsat', 4],
  ] as const) {
    it(`${name}: a sequence of selections (choose and un-choose), each against a fresh pass`, () => {
      const model = fixture(name);
      const compiled = compile(model);
      const live = new IncrementalSupport(compiled.mdd, compiled.nodes, compiled.root);
      const selections = randomSelections(model, enumerateValid(model), seed, 40);
      // Back and forth: every selection, then the same ones in reverse (un-choosing).
      for (const selection of [...selections, ...selections.reverse(), {}]) {
        const masks = selectionMasks(compiled, selection);
        expect(live.update(masks), JSON.stringify(selection)).toEqual(
          support(compiled.mdd, compiled.nodes, compiled.root, masks),
        );
      }
    });
  }

  it('random diagrams and random masks, including empty and skipped levels', () => {
    const random = seededRandom(17);
    for (let trial = 0; trial < 30; trial++) {
      const sizes = Array.from({ length: 6 }, () => 2 + Math.floor(random() * 3));
      const mdd = new Mdd(sizes);
      let root = 0;
      for (let t = 0; t < 6; t++) {
        let term = 1;
        for (let l = 0; l < sizes.length; l++)
          if (random() < 0.4) {
            const values = [...Array(sizes[l]).keys()].filter(() => random() < 0.5);
            term = mdd.and(term, mdd.unary(l, values));
          }
        root = mdd.or(root, term);
      }
      const nodes = reachable(mdd, root);
      const live = new IncrementalSupport(mdd, nodes, root);
      for (let step = 0; step < 25; step++) {
        const masks = randomMasks(sizes, random);
        expect(live.update(masks)).toEqual(support(mdd, nodes, root, masks));
      }
    }
  });
});
