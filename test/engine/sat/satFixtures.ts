import { readFileSync } from 'node:fs';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { ProductModel, Selection, SelectionValue } from '../../../src/engine/model/types.ts';
import { seededRandom, shuffled } from '../../../src/engine/random.ts';

const catalogue = new URL('../../../public/catalogue/', import.meta.url);

/** A sample product of the demo catalogue (public/catalogue/NAME.json). */
export const readCatalogue = (name: string): ProductModel =>
  parseModel(JSON.parse(readFileSync(new URL(`${name}.json`, catalogue), 'utf8')));

export /** Random partial selections: subsets of a valid configuration, then random values. */
function randomSelections(
  model: ProductModel,
  full: Selection | undefined,
  seed: number,
  n: number,
): Selection[] {
  const random = seededRandom(seed);
  const attrs = model.attributes.filter((a) => a.type !== 'text');
  const out: Selection[] = [{}];
  for (let k = 0; k < n; k++) {
    const picked = shuffled(attrs, random).slice(
      0,
      1 + Math.floor(random() * Math.min(6, attrs.length)),
    );
    const selection: Record<string, SelectionValue> = {};
    for (const a of picked) {
      if (full && k % 2 === 0 && full[a.id] !== undefined) selection[a.id] = full[a.id]!;
      else if (a.type === 'choice')
        selection[a.id] = a.values[Math.floor(random() * a.values.length)]!.id;
      else if (a.type === 'boolean') selection[a.id] = random() < 0.5;
      else if (a.type === 'multi')
        selection[a.id] = a.values.filter(() => random() < 0.3).map((v) => v.id);
      else if (a.type === 'number')
        selection[a.id] = a.min + a.step * Math.floor(random() * ((a.max - a.min) / a.step + 1));
    }
    out.push(selection);
  }
  return out;
}
