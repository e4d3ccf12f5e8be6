import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { Configurator } from '../../../src/react/components/Configurator.tsx';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import deskJson from '../../../public/catalogue/desk.json';
import { cleanup, render } from '../render.tsx';
import '../../../src/react/styles/madeto.css';

afterEach(cleanup);

describe('a multi attribute with pictures on some values', () => {
  it('shows every value as a card of the same frame, not one card among bare rows', async () => {
    const desk = parseModel(deskJson);
    const accessories = desk.attributes.find(
      (a): a is Extract<typeof a, { type: 'multi' }> =>
        a.type === 'multi' && a.values.some((v) => v.image) && a.values.some((v) => !v.image),
    )!;
    expect(accessories).toBeDefined();
    render(<Configurator model={desk} layout="all" urlKey={false} />);
    const group = page.getByRole('group', { name: new RegExp(accessories.label) });
    await expect.element(group).toBeVisible();
    const options = [...group.element().querySelectorAll('[data-variant]')];
    expect(options).toHaveLength(accessories.values.length);
    expect(new Set(options.map((o) => o.getAttribute('data-variant')))).toEqual(new Set(['card']));
    // Each card has the same frame: a border on every one.
    const borders = options.map((o) => getComputedStyle(o).borderTopWidth);
    expect(borders.every((b) => b !== '0px')).toBe(true);
  });
});
