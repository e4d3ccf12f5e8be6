import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { Configurator } from '../../src/react/components/Configurator.tsx';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import deskJson from '../fixtures/minimal/desk.json';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';

const desk = parseModel(deskJson);
const base = window.location.pathname;
const withParam = (value: string) =>
  window.history.replaceState(null, '', `${base}?${new URLSearchParams({ 'madeto-t': value })}`);

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', base);
});

describe('<Configurator> URL state, loading, worker', () => {
  it('the selection round-trips through the URL and survives a remount', async () => {
    render(<Configurator model={desk} urlKey="t" layout="all" />);
    await page.getByRole('radio', { name: 'Steel' }).click();
    await page.getByRole('radio', { name: 'Oak' }).click();
    await page.getByRole('checkbox', { name: 'Monitor arm' }).click();
    await page.getByRole('textbox', { name: 'Engraving' }).fill('Ada 1');
    await page.getByRole('spinbutton', { name: 'Quantity' }).fill('2');
    await expect
      .poll(() => new URLSearchParams(window.location.search).get('madeto-t'))
      .toBe('MINIDESK@2026-03-01|q=2|frame=steel|top=oak|accessories=arm|engraving=Ada%201');
    cleanup();
    render(<Configurator model={desk} urlKey="t" layout="all" />);
    await expect.element(page.getByRole('radio', { name: 'Oak' })).toBeChecked();
    await expect.element(page.getByRole('checkbox', { name: 'Monitor arm' })).toBeChecked();
    await expect.element(page.getByRole('textbox', { name: 'Engraving' })).toHaveValue('Ada 1');
    await expect.element(page.getByRole('spinbutton', { name: 'Quantity' })).toHaveValue(2);
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });

  it('a link for another model version keeps what still fits and names what was dropped', async () => {
    withParam('MINIDESK@2025-01-01|q=2|frame=aluminium|top=oak|colour=red|drive=turbo|width=1500');
    render(<Configurator model={desk} urlKey="t" layout="all" />);
    const notice = page.getByRole('alert');
    await expect
      .element(notice)
      .toHaveTextContent('The shared configuration was made for version 2025-01-01');
    await expect.element(notice).toHaveTextContent('colour: no longer part of this product');
    await expect.element(notice).toHaveTextContent('Drive: “turbo” is no longer offered');
    // aluminium comes first in the link, so oak (steel only) is the one that no longer fits
    await expect.element(notice).toHaveTextContent('Top: “Oak” no longer fits your other choices');
    await expect.element(page.getByRole('radio', { name: 'Aluminium' })).toBeChecked();
    await expect.element(page.getByRole('radio', { name: 'Oak' })).not.toBeChecked();
    await expect.element(page.getByTestId('selection')).toHaveTextContent('Width1500 mm');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });

  it('a saved configuration of an older version is migrated, its dropped choices named', async () => {
    render(
      <Configurator
        model={desk}
        urlKey={false}
        savedSelection="MINIDESK@2026-01-01|q=4|frame=steel|legs=x|drive=dual"
      />,
    );
    const notice = page.getByRole('alert');
    await expect
      .element(notice)
      .toHaveTextContent('The saved configuration was made for version 2026-01-01');
    await expect.element(notice).toHaveTextContent('Legs: “x” is no longer offered');
    await expect
      .element(page.getByTestId('selection'))
      .toHaveTextContent('FrameSteelDriveDual motor');
    await expect.element(page.getByRole('spinbutton', { name: 'Quantity' })).toHaveValue(4);
  });

  it('a link for another product is ignored', async () => {
    withParam('SOFA@2026-11-01|q=1|arms=left');
    render(<Configurator model={desk} urlKey="t" />);
    await expect.element(page.getByTestId('selection')).toHaveTextContent('Nothing chosen yet.');
  });

  it('loads the model by URL with a skeleton, and shows a readable error with retry', async () => {
    render(<Configurator model="/test/fixtures/minimal/desk.json" urlKey={false} />);
    await expect.element(page.getByRole('radio', { name: 'Steel' })).toBeVisible();
    cleanup();
    render(<Configurator model="/test/fixtures/widget/does-not-exist.json" urlKey={false} />);
    await expect.element(page.getByRole('status')).toHaveTextContent('Loading the product…');
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent('This product could not be loaded');
    await expect.element(alert).toHaveTextContent('does-not-exist.json');
    await expect.element(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  it('pricing and availability load by URL into the panels; a failed one says so with retry', async () => {
    render(
      <Configurator
        model={desk}
        urlKey={false}
        pricing="/test/fixtures/widget/missing-pricing.json"
        availability="/catalogue/availability.json"
        panels={(ctx) => (
          <p data-testid="panel">
            {ctx.availability ? 'availability loaded' : 'no availability'} /{' '}
            {ctx.pricing ? 'pricing loaded' : 'no pricing'}
          </p>
        )}
      />,
    );
    await expect
      .element(page.getByTestId('panel'))
      .toHaveTextContent('availability loaded / no pricing');
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent('Prices could not be loaded');
    await expect.element(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  it('an invalid model document names its problems', async () => {
    render(<Configurator model={{ ...deskJson, attributes: 'none' }} urlKey={false} />);
    await expect.element(page.getByRole('alert')).toHaveTextContent('$.attributes');
  });

  it('runs the engine in a Web Worker: same states, explain and repair', async () => {
    const container = render(
      <Configurator model={desk} urlKey={false} layout="all" workerThreshold={0} />,
    );
    await expect
      .poll(() => container.querySelector('.madeto-layout')?.getAttribute('data-engine'), {
        timeout: 10_000,
      })
      .toBe('worker');
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    const oak = () => page.getByRole('radio', { name: 'Oak' }).element().closest('label')!;
    await expect.poll(() => oak().dataset.state).toBe('conflict');
    await page.getByRole('radio', { name: 'Oak' }).click();
    const dialog = page.getByRole('dialog');
    await expect.element(dialog).toHaveTextContent('Oak tops come only on the steel frame.');
    await dialog.getByRole('button', { name: 'Apply change' }).click();
    await expect.element(page.getByRole('radio', { name: 'Oak' })).toBeChecked();
  });
});
