import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { parseModel } from '../../src/engine/index.ts';
import { Configurator } from '../../src/react/components/Configurator.tsx';
import { defaultPanels } from '../../src/react/panels/defaultPanels.tsx';
import { createValueExtras } from '../../src/react/panels/valueExtras.ts';
import availabilityJson from '../../public/catalogue/availability.json';
import bikeJson from '../../public/catalogue/bike.json';
import deskJson from '../../public/catalogue/desk.json';
import pricingJson from '../../public/catalogue/pricing.json';
import sofaJson from '../../public/catalogue/sofa.json';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';
import '../../src/react/styles/panels.css';

/**
 * Internal data never reaches the buyer's widget: after completing each sample product (the
 * defaults, Cheapest, Fastest), its DOM — text and attributes — holds no purchase order, work
 * centre, supplier, item (part number) or commitment id, nor a price rule or book id. The ids
 * are collected from the snapshot and the pricing file themselves.
 */

const internalIds = [
  ...availabilityJson.inbound.map((po) => po.id),
  ...availabilityJson.commitments.map((c) => c.id),
  ...Object.keys(availabilityJson.workCenters),
  ...Object.keys(availabilityJson.items),
  ...Object.values(
    availabilityJson.items as Record<string, { suppliers?: { id: string }[] }>,
  ).flatMap((i) => (i.suppliers ?? []).map((s) => s.id)),
  ...pricingJson.priceRules.map((r) => r.id),
  ...pricingJson.priceBooks.map((b) => b.id),
];

/** The internal ids found in the DOM (whole tokens, so "PO-BER-4410" does not match "PO-BER-44100"). */
function leaks(root: Element): string[] {
  const html = root.outerHTML;
  return [...new Set(internalIds)].filter((id) =>
    new RegExp(
      `(^|[^A-Za-z0-9-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9-])`,
    ).test(html),
  );
}

afterEach(cleanup);

describe('no internal id in the buyer widget', () => {
  // Choices whose parts wait for purchase orders (some overdue) and booked work centres.
  const waiting = {
    DESK: { drive: 'dual', topMaterial: 'walnut' },
    BIKE: { eAssist: true, frameMaterial: 'carbon', colour: 'verde-bosco' },
    SOFA: { fabric: 'velvet-blush', arms: 'both' },
  };
  it.each([
    ['DESK', deskJson],
    ['BIKE', bikeJson],
    ['SOFA', sofaJson],
  ] as const)('%s', async (id, json) => {
    expect(internalIds.length).toBeGreaterThan(100);
    // A complete configuration has nothing left to complete: a fresh widget for each button.
    for (const initialSelection of [{}, waiting[id]])
      for (const button of ['Complete for me', 'Cheapest', 'Fastest']) {
        const container = render(
          <Configurator
            model={parseModel(json)}
            pricing={pricingJson}
            availability={availabilityJson}
            initialSelection={initialSelection}
            urlKey={false}
            layout="all"
            panels={defaultPanels}
            valueExtras={createValueExtras()}
          />,
        );
        const delivery = page.getByRole('region', { name: 'Delivery' });
        await page.getByRole('button', { name: button }).click();
        await expect
          .poll(() => delivery.element().getAttribute('data-state'))
          .toMatch(/^(valid|unavailable)$/);
        await expect.element(page.getByText('Main reason:')).toBeVisible();
        expect(leaks(container), `${JSON.stringify(initialSelection)}, ${button}`).toEqual([]);
        cleanup();
      }
  });
});
