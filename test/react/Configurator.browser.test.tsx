import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { Configurator } from '../../src/react/components/Configurator.tsx';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import deskJson from '../fixtures/minimal/desk.json';
import { seriousViolations } from './axe.ts';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';

const desk = parseModel(deskJson);

afterEach(cleanup);

describe('<Configurator> (minimal) in Chromium', () => {
  it('renders every attribute as a real, named control', async () => {
    render(<Configurator model={desk} />);
    await expect
      .element(
        page
          .getByRole('radiogroup', { name: 'Frame' })
          .or(page.getByRole('group', { name: 'Frame' })),
      )
      .toBeVisible();
    await expect.element(page.getByRole('radio', { name: 'Steel' })).toBeVisible();
    await expect.element(page.getByRole('checkbox', { name: 'Cable tray' })).toBeVisible();
    await expect.element(page.getByRole('checkbox', { name: 'Monitor arm' })).toBeVisible();
    await expect.element(page.getByRole('spinbutton', { name: 'Width (mm)' })).toBeVisible();
    await expect.element(page.getByRole('textbox', { name: 'Engraving' })).toBeVisible();
  });

  it('clicking a radio changes the selection shown', async () => {
    const changes: unknown[] = [];
    render(<Configurator model={desk} onChange={(s) => changes.push(s)} />);
    const summary = page.getByTestId('selection');
    await expect.element(summary).toHaveTextContent('Nothing chosen yet.');
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    await expect.element(page.getByRole('radio', { name: 'Aluminium' })).toBeChecked();
    await expect.element(summary).toHaveTextContent('FrameAluminium');
    await page.getByRole('radio', { name: 'Steel' }).click();
    await expect.element(summary).toHaveTextContent('FrameSteel');
    expect(changes.at(-1)).toEqual({ frame: 'steel' });
  });

  it('checkboxes, numbers and text update the selection; the keyboard works', async () => {
    render(<Configurator model={desk} />);
    const summary = page.getByTestId('selection');
    await page.getByRole('checkbox', { name: 'Monitor arm' }).click();
    await page.getByRole('checkbox', { name: 'Drawer' }).click();
    await expect.element(summary).toHaveTextContent('AccessoriesMonitor arm, Drawer');
    await page.getByRole('spinbutton', { name: 'Width (mm)' }).fill('1500');
    await expect.element(summary).toHaveTextContent('Width1500 mm');
    // Keyboard only: focus the first drive radio and move with the arrow key.
    (page.getByRole('radio', { name: 'Single motor' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('radio', { name: 'Dual motor' })).toBeChecked();
    await expect.element(summary).toHaveTextContent('DriveDual motor');
  });

  it('two widgets on one page keep separate selections', async () => {
    render(
      <>
        <Configurator model={desk} />
        <Configurator model={desk} />
      </>,
    );
    const oak = page.getByRole('radio', { name: 'Oak' });
    await oak.nth(0).click();
    await expect.element(oak.nth(0)).toBeChecked();
    await expect.element(oak.nth(1)).not.toBeChecked();
    await expect
      .element(page.getByTestId('selection').nth(1))
      .toHaveTextContent('Nothing chosen yet.');
  });

  it('axe finds nothing serious', async () => {
    const container = render(<Configurator model={desk} />);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
