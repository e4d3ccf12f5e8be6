import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { Configurator } from '../../../src/react/components/Configurator.tsx';
import { parseModel } from '../../../src/engine/index.ts';
import deskJson from '../../../public/catalogue/desk.json';
import sofaJson from '../../../public/catalogue/sofa.json';
import { seriousViolations } from '../axe.ts';
import { cleanup, render } from '../render.tsx';
import { differingPixels, pixelsOf } from './pixels.ts';
import '../../../src/react/styles/madeto.css';

const desk = parseModel(deskJson);
const sofa = parseModel(sofaJson);

beforeEach(async () => {
  await page.viewport(1280, 900);
});
afterEach(() => cleanup());

/** Renders a product in a slot `width` px wide; resolves with the picture once it is drawn. */
async function showPicture(model: typeof desk, width = 1000): Promise<HTMLElement> {
  const container = render(
    <div style={{ width }}>
      <Configurator model={model} layout="all" urlKey={false} />
    </div>,
  );
  const figure = () => container.querySelector<HTMLElement>('figure.madeto-preview');
  await expect.poll(() => figure()).toBeTruthy();
  figure()!.scrollIntoView({ block: 'nearest' });
  await expect.poll(() => figure()?.dataset['state'], { timeout: 15_000 }).toBe('ready');
  return figure()!;
}

/** Waits until the newest frame is the only one (the cross-fade is over). */
async function settled(figure: HTMLElement): Promise<void> {
  await expect.poll(() => figure.querySelectorAll('.madeto-preview-frame').length).toBe(1);
  await new Promise((r) => setTimeout(r, 300));
}

const stage = (figure: HTMLElement) => figure.querySelector('.madeto-preview-stage')!;

describe('<ProductPreview> in Chromium', () => {
  it('the picture changes with each choice (pixels of the preview element)', async () => {
    const figure = await showPicture(desk);
    await settled(figure);
    let before = await pixelsOf(stage(figure));
    for (const name of [
      'Traffic white (RAL 9016)',
      'Aluminium, 2-stage columns',
      'Steel, 3-stage columns',
      'Solid oak, 27 mm finger-jointed',
      'Dual motor, 40 mm/s, anti-collision',
      'Heavy-duty T-foot 780 mm',
      'Monitor arm, dual, gas spring',
      'Cable tray under the top',
    ]) {
      const control = page.getByRole('radio', { name }).or(page.getByRole('checkbox', { name }));
      await control.click();
      await expect.element(control).toBeChecked();
      await settled(figure);
      const after = await pixelsOf(stage(figure));
      expect(differingPixels(before, after), `after choosing '${name}'`).toBeGreaterThan(100);
      before = after;
    }
  }, 90_000);

  it('a number changes the picture too (the top grows with the width)', async () => {
    const figure = await showPicture(desk);
    await settled(figure);
    const before = await pixelsOf(stage(figure));
    await page.getByRole('spinbutton', { name: /Width/ }).fill('1900');
    await userEvent.keyboard('{Tab}');
    await settled(figure);
    expect(differingPixels(before, await pixelsOf(stage(figure)))).toBeGreaterThan(500);
  });

  it('repeated sofa modules appear once per instance, in order, each its own type', async () => {
    const figure = await showPicture(sofa);
    await settled(figure);
    const seats = () =>
      [...figure.querySelectorAll<HTMLElement>('.madeto-preview-frame:last-child [data-instance]')]
        .filter((el) => el.dataset['attribute']?.endsWith('.seatType'))
        .map((el) => [el.dataset['instance'], el.dataset['value']]);
    expect(seats()).toEqual([
      ['1', 'standard'],
      ['2', 'standard'],
    ]);
    const two = await pixelsOf(stage(figure));
    await page.getByRole('spinbutton', { name: 'Seat count' }).fill('4');
    await userEvent.keyboard('{Tab}');
    await expect.poll(() => seats().length).toBe(4);
    await settled(figure);
    expect(seats().map(([i]) => i)).toEqual(['1', '2', '3', '4']);
    const four = await pixelsOf(stage(figure));
    expect(differingPixels(two, four)).toBeGreaterThan(2000);
    // Seat 4 becomes a chaise: only that instance's layer changes.
    await page
      .getByRole('radio', { name: /Chaise longue/ })
      .nth(3)
      .click();
    await expect.poll(() => seats()[3]).toEqual(['4', 'chaise']);
    expect(
      seats()
        .slice(0, 3)
        .every(([, v]) => v === 'standard'),
    ).toBe(true);
  });

  it('the sofa from above: its seat modules laid out by index, a chaise drawn long', async () => {
    const figure = await showPicture(sofa);
    await page.getByRole('button', { name: 'From above' }).click();
    await expect.poll(() => figure.dataset['view']).toBe('top');
    await settled(figure);
    const seats = () =>
      [...figure.querySelectorAll<HTMLElement>('.madeto-preview-frame:last-child [data-instance]')]
        .filter((el) => el.dataset['attribute']?.endsWith('.seatType'))
        .map((el) => ({ value: el.dataset['value'], box: el.getBoundingClientRect() }));
    await page.getByRole('spinbutton', { name: 'Seat count' }).fill('3');
    await userEvent.keyboard('{Tab}');
    await expect.poll(() => seats().length).toBe(3);
    await settled(figure);
    const [a, b, c] = seats();
    // Side by side, left to right by index, each as wide as the next.
    expect(a!.box.right).toBeCloseTo(b!.box.left, 0);
    expect(b!.box.right).toBeCloseTo(c!.box.left, 0);
    expect(b!.box.width).toBeCloseTo(a!.box.width, 0);
    const before = await pixelsOf(stage(figure));
    await page
      .getByRole('radio', { name: /Chaise longue/ })
      .nth(2)
      .click();
    await expect.poll(() => seats()[2]?.value).toBe('chaise');
    await settled(figure);
    const [, middle, chaise] = seats();
    expect(chaise!.box.height).toBeGreaterThan(middle!.box.height * 1.5);
    expect(differingPixels(before, await pixelsOf(stage(figure)))).toBeGreaterThan(800);
  });

  it('nothing moves when the images arrive (fixed aspect ratio, no layout shift)', async () => {
    const shifts: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) shifts.push((e as unknown as { value: number }).value);
    });
    observer.observe({ type: 'layout-shift', buffered: false });
    const container = render(
      <div style={{ width: 1000 }}>
        <Configurator model={sofa} layout="all" urlKey={false} />
      </div>,
    );
    const figure = await expect
      .poll(() => container.querySelector<HTMLElement>('figure.madeto-preview'))
      .toBeTruthy()
      .then(() => container.querySelector<HTMLElement>('figure.madeto-preview')!);
    const first = stage(figure).getBoundingClientRect();
    expect(first.height).toBeGreaterThan(100);
    const front = sofa.visuals!.views[0]!;
    expect(first.width / first.height).toBeCloseTo(front.width / front.height, 1);
    await expect.poll(() => figure.dataset['state'], { timeout: 15_000 }).toBe('ready');
    await settled(figure);
    const after = stage(figure).getBoundingClientRect();
    expect([after.width, after.height]).toEqual([first.width, first.height]);
    observer.disconnect();
    expect(shifts.reduce((s, v) => s + v, 0)).toBe(0);
  });

  it('views switch by button and arrow keys; zoom toggles; the text alternative uses buyer words', async () => {
    const figure = await showPicture(desk);
    const views = page.getByRole('group', { name: 'Views' });
    const front = views.getByRole('button', { name: 'Front' });
    const above = views.getByRole('button', { name: 'From above' });
    await expect.element(front).toHaveAttribute('aria-pressed', 'true');
    const picture = page.getByRole('img', { name: /^Arbeitsplatz Pro.*, Front: / });
    await expect.element(picture).toBeVisible();
    await page.getByRole('radio', { name: 'Solid oak, 27 mm finger-jointed' }).click();
    await expect
      .element(page.getByRole('img', { name: /Top material: Solid oak, 27 mm finger-jointed/ }))
      .toBeVisible();
    (front.element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.element(above).toHaveAttribute('aria-pressed', 'true');
    expect(document.activeElement).toBe(above.element());
    expect(figure.dataset['view']).toBe('top');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('img', { name: /, From above: / })).toBeVisible();
    const zoom = page.getByRole('button', { name: 'Zoom' });
    await zoom.click();
    await expect.element(zoom).toHaveAttribute('aria-pressed', 'true');
    const canvas = figure.querySelector('.madeto-preview-canvas')!.getBoundingClientRect();
    expect(canvas.width).toBeCloseTo(stage(figure).getBoundingClientRect().width * 2, 0);
    expect(await seriousViolations(figure)).toEqual([]);
  });

  it('pointing at an option draws it before it is chosen; leaving restores the picture', async () => {
    const figure = await showPicture(desk);
    await settled(figure);
    const chosen = await pixelsOf(stage(figure));
    const walnut = page.getByText('Solid American walnut, 27 mm', { exact: true });
    await walnut.hover();
    await expect.element(page.getByText('Preview: Solid American walnut, 27 mm')).toBeVisible();
    await settled(figure);
    expect(differingPixels(chosen, await pixelsOf(stage(figure)))).toBeGreaterThan(500);
    expect(page.getByRole('radio', { name: 'Solid American walnut, 27 mm' })).not.toBeChecked();
    await page.getByRole('heading', { name: 'Arbeitsplatz Pro height-adjustable desk' }).hover();
    await expect.poll(() => figure.hasAttribute('data-peek')).toBe(false);
    await settled(figure);
    expect(differingPixels(chosen, await pixelsOf(stage(figure)))).toBeLessThan(50);
  });

  it('a keyboard user sees an option by focusing it, before choosing it; leaving it restores', async () => {
    // A page tall enough to show every option: focus scrolls nothing, so the picture stays put
    // (a sticky picture scrolled to a fractional offset crops its screenshot a pixel apart).
    await page.viewport(1280, 2600);
    const figure = await showPicture(desk);
    const arm = page.getByRole('checkbox', { name: 'Monitor arm, single, gas spring' });
    await settled(figure);
    const chosen = await pixelsOf(stage(figure));
    // Focus arriving (as Tab brings it) peeks, with no pointer anywhere near.
    (arm.element() as HTMLInputElement).focus();
    await expect.element(page.getByText('Preview: Monitor arm, single, gas spring')).toBeVisible();
    expect(scrollY).toBe(0);
    await settled(figure);
    expect(differingPixels(chosen, await pixelsOf(stage(figure)))).toBeGreaterThan(500);
    await expect.element(arm).not.toBeChecked();
    (arm.element() as HTMLInputElement).blur();
    await expect.poll(() => figure.hasAttribute('data-peek')).toBe(false);
    await settled(figure);
    // The cross-fade back may take a few frames more on a loaded machine.
    await expect
      .poll(async () => differingPixels(chosen, await pixelsOf(stage(figure))), { timeout: 5000 })
      .toBeLessThan(50);
  });

  it('the whole widget with its picture is axe clean', async () => {
    const figure = await showPicture(sofa);
    await settled(figure);
    expect(await seriousViolations(figure.closest('.madeto')!)).toEqual([]);
  });
});
