import { parseModel } from '../../src/engine/model/parseModel.ts';
import type { ProductModel, Selection } from '../../src/engine/model/types.ts';
import type { ConfiguratorPanelContext } from '../../src/react/engine/valueExtras.ts';
import deskJson from '../../public/catalogue/desk.json';
import pricingJson from '../../public/catalogue/pricing.json';
import availabilityJson from '../../public/catalogue/availability.json';
import acme from '../../public/catalogue/requests/price-acme-desks.json';

/**
 * Panel contexts on the sample catalogue, one per state the panels show — shared by the panel
 * browser tests and the stories. Variants edit copies of the catalogue JSON, never the files.
 */

/** The instant of the catalogue's snapshot day, before the Berlin plant's cut-off. */
export const NOW = '2026-11-23T09:30:00+01:00';

export const desk: ProductModel = parseModel(deskJson);
export { pricingJson, availabilityJson };

/** A complete, valid desk: line L2 of the sample request (laminate, dual motor, no cable tray). */
export const completeSelection = acme.lines[1]!.selection as Selection;

const copy = <T>(x: T): T => structuredClone(x);

/** The pricing with the desk's minimum net unit raised above any desk: every price needs approval. */
export const strictPricingJson = (() => {
  const p = copy(pricingJson);
  for (const g of p.guardrails) if (g.product === 'DESK') g.minNetUnit = '5000.00';
  return p;
})();

/** The snapshot without any source of the anthracite laminate the complete desk uses. */
export const noDecorSnapshotJson = (() => {
  const s = copy(availabilityJson) as any;
  const item = 'HPL-U961-08';
  s.items[item].suppliers = [];
  delete s.stock[item];
  s.inbound = s.inbound.filter((x: { item: string }) => x.item !== item);
  return s as typeof availabilityJson;
})();

/** The desk with every label made long (wrapping, truncation, layout). */
export const longDesk: ProductModel = (() => {
  const d = copy(deskJson) as any;
  const long = ' — an exceptionally long descriptive label that has to wrap over several lines';
  for (const a of d.attributes) {
    a.label += long;
    for (const v of a.values ?? []) v.label += long;
  }
  return parseModel(d);
})();

/** A panel context: the complete desk, catalogue pricing and snapshot, English, one unit. */
export function panelContext(
  over: Partial<ConfiguratorPanelContext> = {},
): ConfiguratorPanelContext {
  return {
    model: desk,
    selection: completeSelection,
    quantity: 1,
    complete: true,
    locale: 'en',
    currency: 'EUR',
    customer: undefined,
    pricing: pricingJson,
    availability: availabilityJson,
    submit: undefined,
    announce: () => {},
    ...over,
  };
}

/** The named states of the panels (styleguide rule 12), each as a context. */
export const panelStates = {
  loading: panelContext({ pricing: undefined, availability: undefined }),
  absent: panelContext({ pricing: null, availability: null }),
  error: panelContext({ pricing: { priceBooks: 'none' }, availability: { plants: 3 } }),
  incomplete: panelContext({ selection: { frame: 'steel', drive: 'single' }, complete: false }),
  valid: panelContext(),
  tierHint: panelContext({ quantity: 49 }),
  unavailable: panelContext({ availability: noDecorSnapshotJson }),
  approvalRequired: panelContext({ pricing: strictPricingJson }),
  longLabels: panelContext({ model: longDesk, quantity: 49 }),
  german: panelContext({ locale: 'de-DE' }),
  rtl: panelContext({ locale: 'ar-EG' }),
} satisfies Record<string, ConfiguratorPanelContext>;

/** A state's name. */
export type PanelStateName = keyof typeof panelStates;

/**
 * The states an AllStates grid shows side by side: every state but `rtl`, which the grid renders
 * in its own right-to-left row.
 */
export const gridStates = (Object.keys(panelStates) as PanelStateName[]).filter(
  (state) => state !== 'rtl',
);
