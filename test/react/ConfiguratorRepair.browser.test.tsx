import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { Configurator } from '../../src/react/components/Configurator.tsx';
import type { ValueExtrasFn } from '../../src/react/engine/valueExtras.ts';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import deskJson from '../fixtures/minimal/desk.json';
import showcaseJson from '../fixtures/widget/showcase.json';
import { seriousViolations } from './axe.ts';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';

const desk = parseModel(deskJson);
const showcase = parseModel(showcaseJson);
const option = (name: string) => page.getByRole('radio', { name }).element().closest('label')!;

afterEach(cleanup);

describe('<Configurator> explain, repair, undo, complete', () => {
  it('a conflicting value explains itself, repairs with a preview, and undo restores', async () => {
    render(<Configurator model={desk} layout="all" urlKey={false} />);
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    await page.getByRole('radio', { name: 'Laminate' }).click();
    await expect.poll(() => option('Oak').dataset.state).toBe('conflict');
    await page.getByRole('radio', { name: 'Oak' }).click();
    const dialog = page.getByRole('dialog');
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog).toHaveTextContent('Oak tops come only on the steel frame.');
    await expect.element(dialog.getByText('Frame: Aluminium', { exact: true })).toBeVisible();
    const changes = dialog.getByRole('list', { name: 'Changes' });
    await expect.element(changes).toHaveTextContent('Top: Laminate → Oak');
    await expect.element(changes).toHaveTextContent('Frame: Aluminium → Steel');
    expect(await seriousViolations(document.body)).toEqual([]);
    await dialog.getByRole('button', { name: 'Apply change' }).click();
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    await expect.element(page.getByRole('radio', { name: 'Oak' })).toBeChecked();
    await expect.element(page.getByRole('radio', { name: 'Aluminium' })).not.toBeChecked();
    await expect.element(page.getByRole('status').last()).toHaveTextContent('Changed');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.element(page.getByRole('radio', { name: 'Aluminium' })).toBeChecked();
    await expect.element(page.getByRole('radio', { name: 'Laminate' })).toBeChecked();
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.element(page.getByRole('radio', { name: 'Oak' })).toBeChecked();
  });

  it('keyboard only: arrows move onto a conflict without a dialog; Enter explains, Escape, Space explains, Enter applies', async () => {
    render(<Configurator model={desk} layout="all" urlKey={false} />);
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    await page.getByRole('radio', { name: 'Laminate' }).click();
    (page.getByRole('radio', { name: 'Laminate' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowUp}');
    // The focus moved onto the conflicting Oak; nothing popped up and nothing changed.
    await expect.element(page.getByRole('radio', { name: 'Oak' })).toHaveFocus();
    expect(document.querySelector('dialog')).toBeNull();
    await expect.element(page.getByRole('radio', { name: 'Laminate' })).toBeChecked();
    // Arrowing on onto an available value chooses it, as a radio group does.
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('radio', { name: 'Laminate' })).toHaveFocus();
    await expect.element(page.getByRole('radio', { name: 'Laminate' })).toBeChecked();
    await userEvent.keyboard('{ArrowUp}');
    expect(document.querySelector('dialog')).toBeNull();
    await userEvent.keyboard('{Enter}');
    const dialog = page.getByRole('dialog');
    await expect.element(dialog).toHaveTextContent('Oak tops come only on the steel frame.');
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    await expect.element(page.getByRole('radio', { name: 'Laminate' })).toBeChecked();
    await expect.element(page.getByRole('radio', { name: 'Oak' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect.element(dialog.getByRole('button', { name: 'Apply change' })).toBeEnabled();
    (dialog.getByRole('button', { name: 'Apply change' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('radio', { name: 'Oak' })).toBeChecked();
    await expect.element(page.getByRole('radio', { name: 'Oak' })).toHaveFocus();
  });

  it('a multi item that conflicts goes through the explanation too', async () => {
    render(<Configurator model={desk} layout="all" urlKey={false} />);
    await page.getByRole('checkbox', { name: 'Cable tray' }).click();
    await expect.element(page.getByRole('checkbox', { name: 'Cable tray' })).toBeChecked();
    await page.getByRole('checkbox', { name: 'Monitor arm' }).click();
    await expect.element(page.getByRole('checkbox', { name: 'Monitor arm' })).toBeChecked();
    await page.getByRole('checkbox', { name: 'Drawer' }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .element(dialog)
      .toHaveTextContent('The drawer and the cable tray share the same rail.');
    await expect
      .element(dialog.getByRole('list', { name: 'Changes' }))
      .toHaveTextContent('Accessories: Monitor arm → Monitor arm, Drawer');
    await dialog.getByRole('button', { name: 'Apply change' }).click();
    await expect.element(page.getByRole('checkbox', { name: 'Drawer' })).toBeChecked();
    await expect.element(page.getByRole('checkbox', { name: 'Cable tray' })).not.toBeChecked();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.element(page.getByRole('checkbox', { name: 'Cable tray' })).toBeChecked();
    await expect.element(page.getByRole('checkbox', { name: 'Drawer' })).not.toBeChecked();
  });

  it.each([
    ['on the page', 1000, undefined],
    ['in the worker', 0, undefined],
    // a model past the node limit: the SAT fallback answers, in the worker and on the page
    ['in the worker, SAT fallback', 0, 5],
    ['on the page, SAT fallback', 1000, 5],
  ])('works under React StrictMode (%s)', async (_, workerThreshold, maxNodes) => {
    render(
      <StrictMode>
        <Configurator
          model={desk}
          layout="all"
          urlKey={false}
          workerThreshold={workerThreshold}
          {...(maxNodes !== undefined && { maxNodes })}
        />
      </StrictMode>,
    );
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    await expect.poll(() => option('Oak').dataset.state).toBe('conflict');
    await page.getByRole('radio', { name: 'Oak' }).click();
    const dialog = page.getByRole('dialog');
    await expect.element(dialog).toHaveTextContent('Oak tops come only on the steel frame.');
    // Still open after StrictMode's effect re-run has settled.
    await new Promise((r) => setTimeout(r, 200));
    await expect.element(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Apply change' }).click();
    await expect.element(page.getByRole('radio', { name: 'Oak' })).toBeChecked();
  });

  it('cancel leaves the selection as it was', async () => {
    render(<Configurator model={desk} layout="all" urlKey={false} />);
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    await page.getByRole('radio', { name: 'Dual motor' }).click();
    const dialog = page.getByRole('dialog');
    await expect.element(dialog).toHaveTextContent('The dual motor needs the steel frame.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    await expect.element(page.getByRole('radio', { name: 'Dual motor' })).not.toBeChecked();
    await expect.element(page.getByRole('radio', { name: 'Aluminium' })).toBeChecked();
  });

  it('an impossible value is explained without a repair', async () => {
    render(<Configurator model={showcase} layout="all" urlKey={false} />);
    const handle = page.getByRole('combobox', { name: 'Handle' });
    await expect
      .poll(() => handle.element().querySelector('option[value="h09"]')?.getAttribute('data-state'))
      .toBe('impossible');
    await handle.selectOptions('h09');
    const dialog = page.getByRole('dialog');
    await expect.element(dialog).toHaveTextContent('The ceramic knob is discontinued.');
    await expect
      .element(dialog.getByRole('button', { name: 'Apply change' }))
      .not.toBeInTheDocument();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.element(handle).toHaveValue('');
  });

  it('shows price deltas and availability badges; complete for me finishes a valid configuration', async () => {
    const extras: ValueExtrasFn = (attribute, key) =>
      attribute.id === 'size'
        ? { priceDelta: key === 'l' ? '+€120' : '+€0' }
        : attribute.id === 'colour'
          ? { priceDelta: key === 'white' ? '+€0' : '+€30', cost: key === 'white' ? 0 : 30 }
          : key === 'oak'
            ? { availability: '+9 days', availabilityState: 'delayed', days: 9 }
            : { availability: 'in stock', availabilityState: 'in-stock', days: 0 };
    let last: { complete: boolean } | undefined;
    const container = render(
      <Configurator
        model={showcase}
        layout="all"
        urlKey={false}
        valueExtras={extras}
        onChange={(_, info) => (last = info)}
      />,
    );
    await expect
      .element(page.getByRole('radio', { name: 'Large' }))
      .toHaveAccessibleDescription('+€120');
    await expect
      .element(page.getByRole('radio', { name: 'Solid oak' }))
      .toHaveAccessibleDescription(/\+9 days/);
    expect(container.querySelector('.madeto-badge[data-state="delayed"]')?.textContent).toBe(
      '+9 days',
    );
    // Dropdown options carry the same extras as text.
    expect(container.querySelector('option[value="h02"]')?.textContent).toBe(
      'Brass bar (in stock)',
    );
    // Without a price list or stock levels, Cheapest and Fastest are off and say why.
    const cheapest = page.getByRole('button', { name: 'Cheapest' });
    await expect.element(cheapest).toHaveAttribute('aria-disabled', 'true');
    await expect.element(cheapest).toHaveAccessibleDescription(/“Cheapest” needs the price list/);
    await expect
      .element(page.getByRole('button', { name: 'Fastest' }))
      .toHaveAccessibleDescription(/“Fastest” needs the stock levels/);
    (cheapest.element() as HTMLButtonElement).click();
    await expect.element(page.getByTestId('selection')).toHaveTextContent('Nothing chosen yet.');
    await page.getByRole('button', { name: 'Complete for me' }).click();
    await expect.poll(() => last?.complete).toBe(true);
    expect(container.querySelector('.madeto-layout')?.getAttribute('data-state')).toBe('valid');
    await expect.element(page.getByRole('radio', { name: 'Medium' })).toBeChecked();
    await expect.element(page.getByRole('radio', { name: 'Natural', exact: true })).toBeChecked();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.element(page.getByTestId('selection')).toHaveTextContent('Nothing chosen yet.');
  });

  it('numbers name off-grid values; multi-selects keep min and max', async () => {
    render(<Configurator model={showcase} layout="all" urlKey={false} />);
    const height = page.getByRole('spinbutton', { name: 'Height (mm)' });
    await height.fill('1100');
    await height
      .element()
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    (height.element() as HTMLInputElement).blur();
    await expect.element(height).toHaveAttribute('aria-invalid', 'true');
    await expect.element(page.getByText('1100 is not offered')).toBeVisible();
    await page.getByRole('checkbox', { name: 'Fixed shelf' }).click();
    await page.getByRole('checkbox', { name: 'Adjustable shelf' }).click();
    const drawer = page.getByRole('checkbox', { name: 'Drawer unit' });
    await expect.poll(() => drawer.element().closest('label')!.dataset.state).toBe('conflict');
    await expect.element(page.getByText('Monogram')).toBeVisible();
    await page.getByRole('textbox', { name: 'Monogram' }).fill('ab');
    await expect
      .element(page.getByRole('textbox', { name: 'Monogram' }))
      .toHaveAttribute('aria-invalid', 'true');
  });
});
