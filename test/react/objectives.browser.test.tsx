import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import {
  compile,
  optimalCompletion,
  parseModel,
  parsePricing,
  parseSnapshot,
  type Objective,
} from '../../src/engine/index.ts';
import { Configurator } from '../../src/react/components/Configurator.tsx';
import { formatDate, formatMoney } from '../../src/react/i18n/format.ts';
import { dateAt, nowInstant } from '../../src/react/panels/clock.ts';
import { defaultPanels } from '../../src/react/panels/defaultPanels.tsx';
import { createValueExtras } from '../../src/react/panels/valueExtras.ts';
import availabilityJson from '../../public/catalogue/availability.json';
import bikeJson from '../../public/catalogue/bike.json';
import deskJson from '../../public/catalogue/desk.json';
import pricingJson from '../../public/catalogue/pricing.json';
import sofaJson from '../../public/catalogue/sofa.json';
import { seriousViolations } from './axe.ts';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';
import '../../src/react/styles/panels.css';

/**
 * "Cheapest" and "Fastest" in the widget do what they say: after the click the price panel shows
 * the engine's optimal total and the delivery panel its earliest date (`optimalCompletion`, with
 * the same documents and the same day), on the page and in the Web Worker.
 */

const pricing = parsePricing(pricingJson);
const snapshot = parseSnapshot(availabilityJson);
const products = { DESK: deskJson, BIKE: bikeJson, SOFA: sofaJson };

function optimum(id: keyof typeof products, objective: Objective) {
  const model = parseModel(products[id]);
  const now = nowInstant();
  return optimalCompletion({
    compiled: compile(model),
    selection: {},
    quantity: 1,
    objective,
    pricing: {
      pricing,
      currency: 'EUR',
      date: dateAt(now, snapshot.plants[model.plantId]!.timeZone),
    },
    availability: { snapshot, now },
  });
}

const totalRow = () => page.getByRole('region', { name: 'Price' }).getByRole('definition').last();

afterEach(cleanup);

describe('Cheapest and Fastest in the widget', () => {
  it.each([
    ['DESK', 'cheapest', Infinity],
    ['SOFA', 'cheapest', Infinity],
    ['BIKE', 'fastest', Infinity],
    ['DESK', 'fastest', 0],
    ['BIKE', 'cheapest', 0],
  ] as const)('%s %s (worker threshold %s)', async (id, objective, workerThreshold) => {
    const container = render(
      <Configurator
        model={parseModel(products[id])}
        pricing={pricingJson}
        availability={availabilityJson}
        urlKey={false}
        layout="all"
        panels={defaultPanels}
        valueExtras={createValueExtras()}
        workerThreshold={workerThreshold}
      />,
    );
    const expected = optimum(id, objective);
    const button = page.getByRole('button', {
      name: objective === 'cheapest' ? 'Cheapest' : 'Fastest',
    });
    await expect.element(button).not.toHaveAttribute('aria-disabled');
    await button.click();
    await expect.element(totalRow()).toHaveTextContent(formatMoney(expected.total!, 'EUR', 'en'));
    await expect
      .element(page.getByRole('region', { name: 'Delivery' }))
      .toHaveTextContent(`Delivered${formatDate(expected.deliveryDate!, 'en')}`);
    await expect
      .element(page.getByRole('region', { name: 'Price' }))
      .toHaveAttribute('data-state', expect.stringMatching(/^(valid|approval-required)$/));
    expect(await seriousViolations(container)).toEqual([]);
  });
});
