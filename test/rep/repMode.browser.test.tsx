import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { Configurator } from '../../src/react/components/Configurator.tsx';
import { cleanup, render } from '../react/render.tsx';
import { NOW, models, repStates } from './repFixtures.ts';
import pricingJson from '../../public/catalogue/pricing.json';
import availabilityJson from '../../public/catalogue/availability.json';
import '../../src/react/styles/madeto.css';
import '../../src/react/styles/panels.css';

afterEach(() => cleanup());

const rep = { apiBase: 'http://backend.test', token: 't0ken', now: NOW, initial: repStates.valid };
const desk = models.find((m) => m.id === 'DESK')!;

describe('<Configurator mode="rep">', () => {
  it('renders the rep quote editor with the lines, discounts and total', async () => {
    render(
      <Configurator
        model={desk}
        mode="rep"
        pricing={pricingJson}
        availability={availabilityJson}
        rep={{ ...rep, models }}
      />,
    );
    await expect.element(page.getByRole('region', { name: 'Quote', exact: true })).toBeVisible();
    await expect.element(page.getByLabelText('Additional discount (%)')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Save quote' })).toBeVisible();
  });

  it('follows the widget locale and currency: German words, a USD draft in German notation', async () => {
    const el = render(
      <Configurator
        model={desk}
        mode="rep"
        locale="de-DE"
        currency="USD"
        pricing={pricingJson}
        availability={availabilityJson}
        rep={{ ...rep, models }}
      />,
    );
    await expect.element(page.getByRole('region', { name: 'Angebot', exact: true })).toBeVisible();
    await expect.element(page.getByLabelText('Zusatzrabatt (%)')).toBeVisible();
    await expect.element(page.getByLabelText('Belegrabatt (USD)')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Angebot speichern' })).toBeVisible();
    const total = el.querySelector('.madeto-quote-total td')?.textContent ?? '';
    expect(total).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}\s\$$/);
    expect(el.querySelector('.madeto-quote-terms')?.textContent).toContain('Preise in USD');
    expect(el.querySelector('.madeto-quote-meta')?.textContent).toContain('Gültig bis23.12.2026');
  });

  it.each([
    ['without the rep prop', { pricing: pricingJson }, /needs the `rep` prop/],
    ['without pricing', { rep: { ...rep, models } }, /needs the `pricing` prop/],
  ])('%s says what is missing instead of an editor', async (_name, extra, message) => {
    render(<Configurator model={desk} mode="rep" {...extra} />);
    await expect.element(page.getByRole('alert')).toHaveTextContent(message);
    expect(page.getByRole('region', { name: 'Quote', exact: true }).query()).toBeNull();
  });

  it('the buyer mode (default) renders no rep editor', async () => {
    render(<Configurator model={desk} pricing={pricingJson} urlKey={false} />);
    await expect.element(page.getByRole('button', { name: /complete/i }).first()).toBeVisible();
    expect(page.getByRole('region', { name: 'Quote', exact: true }).query()).toBeNull();
  });
});
