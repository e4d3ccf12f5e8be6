import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { BooleanField } from '../../../src/react/components/BooleanField.tsx';
import { ChoiceField } from '../../../src/react/components/ChoiceField.tsx';
import { Configurator } from '../../../src/react/components/Configurator.tsx';
import { MultiField } from '../../../src/react/components/MultiField.tsx';
import { NumberField } from '../../../src/react/components/NumberField.tsx';
import { QuantityField } from '../../../src/react/components/QuantityField.tsx';
import { SelectionSummary } from '../../../src/react/components/SelectionSummary.tsx';
import { Toolbar } from '../../../src/react/components/Toolbar.tsx';
import { TextField } from '../../../src/react/components/TextField.tsx';
import { ValueOption } from '../../../src/react/components/ValueOption.tsx';
import type { Attribute } from '../../../src/engine/index.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import deskJson from '../../fixtures/minimal/desk.json';
import { cleanup, render } from '../render.tsx';
import '../../../src/react/styles/madeto.css';

// The real components, each render counted (`spy: true` keeps their implementation; a memoised
// component's inner function is the one spied on).
vi.mock('../../../src/react/components/BooleanField.tsx', { spy: true });
vi.mock('../../../src/react/components/ChoiceField.tsx', { spy: true });
vi.mock('../../../src/react/components/MultiField.tsx', { spy: true });
vi.mock('../../../src/react/components/NumberField.tsx', { spy: true });
vi.mock('../../../src/react/components/TextField.tsx', { spy: true });
vi.mock('../../../src/react/components/QuantityField.tsx', { spy: true });
vi.mock('../../../src/react/components/ValueOption.tsx', { spy: true });
vi.mock('../../../src/react/components/Toolbar.tsx', { spy: true });
vi.mock('../../../src/react/components/SelectionSummary.tsx', { spy: true });

const desk = parseModel(deskJson);
const FIELDS = [ChoiceField, MultiField, BooleanField, NumberField, TextField];
/** A component's render function: a memoised one's inner function (or the component itself). */
const renderOf = (component: object) =>
  ('type' in component ? component.type : component) as (...args: unknown[]) => unknown;
const optionRender = renderOf(ValueOption);
const quantityRender = renderOf(QuantityField);

/** Renders so far, by attribute id (fields) and by `attribute/value` (options). */
function renders(): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const field of FIELDS)
    for (const [props] of vi.mocked(field).mock.calls)
      add((props as { attribute: Attribute }).attribute.id);
  for (const [props] of vi.mocked(optionRender).mock.calls) {
    const { attribute, valueKey } = props as { attribute: Attribute; valueKey: string };
    add(`${attribute.id}/${valueKey}`);
  }
  for (const _ of vi.mocked(quantityRender).mock.calls) add('quantity');
  return counts;
}

/** What renders between `before` and now, by key (keys with none left out). */
function since(before: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of renders())
    if (n > (before.get(key) ?? 0)) out[key] = n - (before.get(key) ?? 0);
  return out;
}

/** Each option's `data-state` and checkedness, by `attribute/value`, from the DOM. */
function optionStates(): Map<string, string> {
  const states = new Map<string, string>();
  for (const [props] of vi.mocked(optionRender).mock.calls) {
    const { attribute, valueKey, label } = props as {
      attribute: Attribute;
      valueKey: string;
      label: string;
    };
    const input = page.getByRole(attribute.type === 'multi' ? 'checkbox' : 'radio', {
      name: label,
    });
    const el = input.element() as HTMLInputElement;
    states.set(
      `${attribute.id}/${valueKey}`,
      `${el.closest('label')!.dataset['state']} ${el.checked}`,
    );
  }
  return states;
}

/** Waits until the click's work is all done: the domains, then the renders after its paint. */
async function settled() {
  await expect
    .poll(() => document.querySelector('.madeto-layout:not([data-pending])'))
    .not.toBeNull();
  await new Promise((done) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))),
  );
}

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('a click re-renders only the fields and values whose state it changed', () => {
  it('choosing a top: its field, and the frame value it rules out; no other field or value', async () => {
    render(<Configurator model={desk} layout="all" urlKey={false} />);
    await settled();
    const before = renders();
    const statesBefore = optionStates();
    expect(before.get('engraving')).toBeGreaterThan(0);
    expect(before.get('quantity')).toBeGreaterThan(0);

    await page.getByRole('radio', { name: 'Oak' }).click();
    await expect.element(page.getByRole('radio', { name: 'Oak' })).toBeChecked();
    await settled();

    const rendered = since(before);
    // Oak comes only on the steel frame: "Aluminium" turns conflicting.
    await expect
      .element(page.getByRole('radio', { name: 'Aluminium' }).element().closest('label')!)
      .toHaveAttribute('data-state', 'conflict');
    expect(rendered['top']).toBeGreaterThan(0);
    // Every other field kept its value and its value states: none of them rendered again.
    for (const id of [
      'frame',
      'drive',
      'width',
      'cableTray',
      'accessories',
      'engraving',
      'quantity',
    ])
      expect(rendered[id], id).toBeUndefined();
    // A value renders again exactly when its state or checkedness changed.
    const statesAfter = optionStates();
    const changed = [...statesAfter].filter(([k, s]) => statesBefore.get(k) !== s).map(([k]) => k);
    expect(changed).toEqual(expect.arrayContaining(['top/oak', 'frame/aluminium']));
    expect(
      Object.keys(rendered)
        .filter((k) => k.includes('/'))
        .sort(),
    ).toEqual(changed.sort());
  });

  it('ticking the drawer: the accessories and the cable tray whose "yes" it rules out; nothing else', async () => {
    render(<Configurator model={desk} layout="all" urlKey={false} />);
    await settled();
    const before = renders();

    await page.getByRole('checkbox', { name: 'Drawer' }).click();
    await expect.element(page.getByRole('checkbox', { name: 'Drawer' })).toBeChecked();
    await settled();

    const rendered = since(before);
    expect(rendered['accessories']).toBeGreaterThan(0);
    expect(rendered['accessories/drawer']).toBeGreaterThan(0);
    expect(rendered['cableTray']).toBeGreaterThan(0);
    expect(Object.keys(rendered).sort()).toEqual(
      ['accessories', 'accessories/drawer', 'cableTray'].sort(),
    );
    // The drawer and the cable tray share a rail: the tray's field took its new domain, so a
    // click on it now answers "no" (the only answer that fits).
    await page.getByRole('checkbox', { name: 'Cable tray' }).click();
    await expect
      .poll(() => document.querySelector('[data-type="boolean"]')?.getAttribute('data-value'))
      .toBe('false');
  });

  it('typing an engraving re-renders the text field only', async () => {
    render(<Configurator model={desk} layout="all" urlKey={false} />);
    await settled();
    const before = renders();
    await userEvent.type(page.getByRole('textbox', { name: 'Engraving' }), 'Hi');
    await expect.element(page.getByRole('textbox', { name: 'Engraving' })).toHaveValue('Hi');
    await settled();
    expect(Object.keys(since(before))).toEqual(['engraving']);
  });
});

describe('the frame around the fields follows a click after its paint', () => {
  it('changing a choice renders its field in the click, the toolbar and the summary after it', async () => {
    render(<Configurator model={desk} layout="steps" urlKey={false} />);
    await settled();
    await page.getByRole('radio', { name: 'Laminate' }).click();
    await settled();
    const toolbar = vi.mocked(Toolbar).mock.calls.length;
    const summary = vi.mocked(SelectionSummary).mock.calls.length;
    const before = renders();
    // Oak for laminate: no field comes or goes, the step stays as it was.
    const oak = page.getByRole('radio', { name: 'Oak' }).element() as HTMLInputElement;
    oak.click();
    // The click's own render (a discrete event's, done when `click()` returns): the field only.
    expect(since(before)['top/oak']).toBe(1);
    expect(since(before)['top']).toBe(1);
    expect(vi.mocked(Toolbar).mock.calls.length).toBe(toolbar);
    expect(vi.mocked(SelectionSummary).mock.calls.length).toBe(summary);
    // After the paint the frame follows: Undo has something to undo, the summary says oak.
    await expect
      .element(page.getByRole('button', { name: 'Undo' }))
      .not.toHaveAttribute('aria-disabled', 'true');
    await expect.element(page.getByTestId('selection')).toHaveTextContent('Oak');
    expect(vi.mocked(Toolbar).mock.calls.length).toBeGreaterThan(toolbar);
  });

  it('a choice that shows a field renders it in the click', async () => {
    render(<Configurator model={desk} layout="steps" urlKey={false} />);
    await settled();
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    await settled();
    const legends = () => [...document.querySelectorAll('legend')].map((l) => l.textContent);
    expect(legends()).not.toContain('Legs');
    (page.getByRole('radio', { name: 'Steel' }).element() as HTMLInputElement).click();
    // Legs are relevant with the steel frame: there in the click's own render.
    expect(legends()).toContain('Legs');
  });
});
