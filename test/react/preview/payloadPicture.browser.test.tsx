import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { Configurator } from '../../../src/react/components/Configurator.tsx';
import { parseModel, parseOrderPayload, type OrderPayload } from '../../../src/engine/index.ts';
import { defaultPanels } from '../../../src/react/panels/defaultPanels.tsx';
import deskJson from '../../../public/catalogue/desk.json';
import pricingJson from '../../../public/catalogue/pricing.json';
import availabilityJson from '../../../public/catalogue/availability.json';
import acme from '../../../public/catalogue/requests/price-acme-desks.json';
import { cleanup, render } from '../render.tsx';
import '../../../src/react/styles/madeto.css';
import '../../../src/react/styles/panels.css';

const desk = parseModel(deskJson);
/** A complete desk (sample request line L2) with a cable tray and two accessories. */
const selection = {
  ...(acme.lines[1]!.selection as Record<string, string | number | boolean | string[]>),
  cableTray: true,
  accessories: ['monitor-arm', 'drawer'],
};

beforeEach(async () => {
  await page.viewport(1280, 900);
});
afterEach(() => cleanup());

type Drawn = { image: string; box: string[]; tint?: string };

/** `#rrggbb` as the CSSOM writes a colour. */
const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
};
/** A percentage as the widget writes a layer's box (`boxStyle`), rounded for comparison. */
const percent = (part: number, whole: number) => ((part / whole) * 100).toFixed(3);

/** The layers the preview draws in its newest frame: image, box in per cent, tint colour. */
function drawn(figure: HTMLElement): Drawn[] {
  const frames = figure.querySelectorAll('.madeto-preview-frame');
  const frame = frames[frames.length - 1];
  if (!frame) return [];
  return [...frame.querySelectorAll<HTMLElement>('.madeto-preview-layer')].map((el) => {
    const box = [el.style.left, el.style.top, el.style.width, el.style.height].map((v) =>
      parseFloat(v).toFixed(3),
    );
    if (el instanceof HTMLImageElement) return { image: el.getAttribute('src')!, box };
    const image = /^url\("(.*)"\)$/.exec(el.style.backgroundImage)?.[1] ?? el.style.backgroundImage;
    return { image, box, tint: el.style.backgroundColor };
  });
}

/** What a payload's view says the buyer saw, in the same terms. */
function expected(view: NonNullable<OrderPayload['lines'][number]['picture']>['views'][number]) {
  return view.layers.map((l) => ({
    image: l.image,
    box: [
      percent(l.x, view.width),
      percent(l.y, view.height),
      percent(l.width, view.width),
      percent(l.height, view.height),
    ],
    ...(l.tint !== undefined && { tint: rgb(l.tint) }),
  }));
}

describe("the widget's quote request carries the picture the buyer saw", () => {
  it('each view of the payload line is the layers, boxes and tints the preview draws in that view', async () => {
    const sent: unknown[] = [];
    const container = render(
      <Configurator
        model={desk}
        pricing={pricingJson}
        availability={availabilityJson}
        initialSelection={selection}
        urlKey={false}
        layout="all"
        panels={defaultPanels}
        submit={async (payload: unknown) => {
          sent.push(payload);
          return { number: 'Q-2026-0077', response: null };
        }}
      />,
    );
    await page.getByRole('textbox', { name: 'Name' }).fill('Ada Lovelace');
    await page.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');
    const submit = page.getByRole('button', { name: 'Send request' });
    await expect.element(submit).toBeEnabled();
    await submit.click();
    await expect.element(page.getByText(/Q-2026-0077 was sent/)).toBeVisible();
    const parsed = parseOrderPayload(sent[0]);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const views = parsed.payload.lines[0]!.picture?.views ?? [];
    expect(views.map((v) => v.view)).toEqual(desk.visuals!.views.map((v) => v.id));

    const figure = container.querySelector<HTMLElement>('figure.madeto-preview')!;
    figure.scrollIntoView({ block: 'nearest' });
    for (const [i, view] of views.entries()) {
      const label = desk.visuals!.views[i]!.label;
      await page.getByRole('group', { name: 'Views' }).getByRole('button', { name: label }).click();
      await expect.poll(() => figure.dataset['view']).toBe(view.view);
      const want = expected(view);
      // The accessories and the tinted frame are in it: the comparison is not of two empty lists.
      expect(want.some((l) => l.image.includes('drawer'))).toBe(view.view === 'front');
      expect(want.some((l) => l.tint !== undefined)).toBe(true);
      await expect.poll(() => drawn(figure), { timeout: 10_000 }).toEqual(want);
    }
  });
});
