import { describe, expect, it } from 'vitest';
import {
  optionDeltas,
  parsePricing,
  parseSnapshot,
  promise,
  type Selection,
} from '../../../src/engine/index.ts';
import type { ConfiguratorPanelContext } from '../../../src/react/engine/valueExtras.ts';
import { formatDelta } from '../../../src/react/i18n/format.ts';
import { daysBetween } from '../../../src/core/index.ts';
import { createValueExtras } from '../../../src/react/panels/valueExtras.ts';
import { NOW, panelStates } from '../panelFixtures.ts';

const DATE = '2026-11-23';

/** The oracle: the engine's delta and the engine's bare promise of the selection with a value. */
function oracle(context: ConfiguratorPanelContext, attribute: string, value: string | boolean) {
  const deltas = optionDeltas(
    {
      productId: context.model.id,
      selection: context.selection,
      quantity: context.quantity,
      currency: 'EUR',
      date: DATE,
    },
    { pricing: parsePricing(context.pricing), models: [context.model] },
  );
  const at = (selection: Selection) =>
    promise(
      {
        now: NOW,
        lines: [
          { lineId: 'L1', productId: context.model.id, quantity: context.quantity, selection },
        ],
        options: { atpCurve: false, suggestions: false, confidence: false },
      },
      { snapshot: parseSnapshot(context.availability), models: [context.model] },
    );
  return {
    delta: deltas.deltas[attribute]?.[String(value)],
    current: at(context.selection),
    other: at({ ...context.selection, [attribute]: value }),
  };
}

describe('createValueExtras', () => {
  const fx = createValueExtras({ now: NOW, date: DATE });
  const attr = (context: ConfiguratorPanelContext, id: string) =>
    context.model.attributes.find((a) => a.id === id)!;

  it.each([
    ['drive', 'single'],
    ['drive', 'dual'],
    ['topMaterial', 'oak'],
    ['topMaterial', 'walnut'],
    ['handset', 'app'],
    ['frame', 'aluminium'],
    ['frameColour', 'custom-ral'],
  ])('%s=%s: the engine delta, and days against the current promise', (id, value) => {
    const context = panelStates.valid;
    const o = oracle(context, id, value);
    const extras = fx(attr(context, id), value, context)!;
    expect(extras.priceDelta).toBe(formatDelta(o.delta!, 'EUR', 'en'));
    expect(extras.cost).toBe(Number(o.delta));
    const days = daysBetween(o.current.deliveryDate!, o.other.deliveryDate!);
    expect(extras.days).toBe(days);
    // A difference, or (none) where the value's own parts come from in the promise with it.
    const attribute = attr(context, id);
    if (attribute.type !== 'choice') throw new Error(`${id} is not a choice`);
    const parts = (attribute.values.find((v) => v.id === value)!.bom ?? []).map((l) => l.item);
    const fromStock = o.other.components
      .filter((c) => parts.includes(c.item))
      .every((c) => c.source === 'stock');
    const state = days > 0 ? 'delayed' : days < 0 ? 'earlier' : fromStock ? 'in-stock' : 'on-order';
    expect(extras.availabilityState).toBe(state);
    expect(extras.availability).toBe(
      {
        delayed: `+${days} day${days === 1 ? '' : 's'}`,
        earlier: `−${-days} day${days === -1 ? '' : 's'}`,
        'in-stock': 'in stock',
        'on-order': 'from supplier',
      }[state],
    );
  });

  it('the chosen motor that waits for a purchase order is not "in stock" (a difference of 0)', () => {
    const context = panelStates.valid;
    expect(context.selection.drive).toBe('dual');
    const current = oracle(context, 'drive', 'dual').current;
    const motor = current.components.find((c) => c.item === 'MOT-24V-DM')!;
    expect(motor.source).not.toBe('stock');
    // The delivery panel says the motor waits: the badge must not say "in stock".
    expect(current.drivers[0]).toMatchObject({ kind: 'material', item: 'MOT-24V-DM' });
    expect(fx(attr(context, 'drive'), 'dual', context)).toMatchObject({
      availability: 'from supplier',
      availabilityState: 'on-order',
      days: 0,
    });
  });

  it('a boolean value: the key is "true"/"false"', () => {
    const context = panelStates.valid;
    const o = oracle(context, 'cableTray', true);
    const extras = fx(attr(context, 'cableTray'), 'true', context)!;
    expect(extras.priceDelta).toBe(formatDelta(o.delta!, 'EUR', 'en'));
    expect(extras.days).toBe(daysBetween(o.current.deliveryDate!, o.other.deliveryDate!));
  });

  it('an unobtainable chosen value is "unavailable"; the others are deliverable', () => {
    const context = panelStates.unavailable;
    const decor = attr(context, 'topDecor');
    expect(fx(decor, 'anthracite', context)).toMatchObject({
      availability: 'unavailable',
      availabilityState: 'unavailable',
    });
    expect(fx(decor, 'white', context)?.availabilityState).toMatch(/^(in-stock|on-order|earlier)$/);
  });

  it.each([
    ['number attributes have neither delta nor badge', 'valid', 'width', '1600'],
    ['text attributes have neither', 'valid', 'engraving', 'x'],
    ['nothing while the documents load', 'loading', 'drive', 'single'],
    ['nothing from unreadable documents', 'error', 'drive', 'single'],
  ] as const)('%s', (_what, state, id, key) => {
    const context = panelStates[state];
    expect(fx(attr(context, id), key, context)).toBeUndefined();
  });

  it('German badges and deltas for a German widget', () => {
    const context = panelStates.german;
    const extras = fx(attr(context, 'topMaterial'), 'oak', context)!;
    expect(extras.priceDelta).toMatch(/^\+\d+(,\d{2})?\u00a0€$/);
    expect(extras.availability).toMatch(
      /^(auf Lager|vom Lieferanten|[+−]\d+ Tage?|nicht lieferbar)$/,
    );
  });
});
