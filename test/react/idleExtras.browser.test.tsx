import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { Configurator } from '../../src/react/components/Configurator.tsx';
import type { ValueExtrasFn } from '../../src/react/engine/valueExtras.ts';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import deskJson from '../fixtures/minimal/desk.json';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';

const desk = parseModel(deskJson);
const STRUCTURE = new Set(['frame', 'top', 'drive', 'legs', 'width']);

/** Extras that say which frame they were computed for, and a log of every call. */
function recorder() {
  const calls: { attribute: string; key: string; frame: string }[] = [];
  const fn: ValueExtrasFn = (attribute, key, context) => {
    const frame = String(context.selection['frame'] ?? 'none');
    calls.push({ attribute: attribute.id, key, frame });
    return { availability: `for ${frame}`, availabilityState: 'in-stock' };
  };
  return { fn, calls };
}

const extrasOf = (name: string) =>
  page
    .getByRole('radio', { name })
    .element()
    .closest('label')!
    .querySelector('.madeto-option-extras')!;

// Idle time comes late on a loaded machine: the polls wait for it (the order is what is tested).
const WAIT = { timeout: 20_000 };

afterEach(cleanup);

describe('<Configurator valueExtras>: extras after the paint, in idle time', () => {
  it('a click paints without asking for extras; the previous ones stay, pending, until the new arrive', async () => {
    const { fn, calls } = recorder();
    render(<Configurator model={desk} layout="steps" urlKey={false} valueExtras={fn} />);
    await expect.poll(() => extrasOf('Steel').textContent, WAIT).toBe('for none');
    await expect.poll(() => extrasOf('Steel').hasAttribute('data-pending'), WAIT).toBe(false);
    const before = calls.length;
    // The click and its render run in this task: no extras are computed in it.
    (page.getByRole('radio', { name: 'Aluminium' }).element() as HTMLInputElement).click();
    expect(
      (page.getByRole('radio', { name: 'Aluminium' }).element() as HTMLInputElement).checked,
    ).toBe(true);
    expect(calls.length).toBe(before);
    expect(extrasOf('Steel').textContent).toBe('for none');
    expect(extrasOf('Steel').hasAttribute('data-pending')).toBe(true);
    await expect.poll(() => extrasOf('Steel').textContent, WAIT).toBe('for aluminium');
    expect(extrasOf('Steel').hasAttribute('data-pending')).toBe(false);
    // The step on screen first, then the other step's attributes (ready before the buyer goes there).
    await expect
      .poll(() => calls.slice(before).some((c) => !STRUCTURE.has(c.attribute)), WAIT)
      .toBe(true);
    const after = calls.slice(before);
    const firstOther = after.findIndex((c) => !STRUCTURE.has(c.attribute));
    expect(after.slice(0, firstOther).every((c) => STRUCTURE.has(c.attribute))).toBe(true);
    expect(after.slice(firstOther).every((c) => !STRUCTURE.has(c.attribute))).toBe(true);
    expect(after.every((c) => c.frame === 'aluminium')).toBe(true);
  });

  it('a new click cancels the work of the state before it', async () => {
    const { fn, calls } = recorder();
    render(<Configurator model={desk} layout="all" urlKey={false} valueExtras={fn} />);
    await expect.poll(() => extrasOf('Steel').textContent, WAIT).toBe('for none');
    const before = calls.length;
    (page.getByRole('radio', { name: 'Aluminium' }).element() as HTMLInputElement).click();
    (page.getByRole('radio', { name: 'Steel' }).element() as HTMLInputElement).click();
    await expect.poll(() => extrasOf('Aluminium').textContent, WAIT).toBe('for steel');
    expect(calls.slice(before).filter((c) => c.frame === 'aluminium')).toEqual([]);
  });
});
