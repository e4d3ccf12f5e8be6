import { describe, expect, it } from 'vitest';
import {
  createSession,
  daysBetween,
  deltasOf,
  plantToday,
  priceOf,
  valueOutlook,
  withValue,
  type Loaded,
  type SessionData,
} from '../../src/core/index.ts';
import { optionDeltas, promise, type Attribute, type Selection } from '../../src/engine/index.ts';
import acme from '../../public/catalogue/requests/price-acme-desks.json';
import { catalogue, catalogueData, localPort } from './localPort.ts';

const { desk } = catalogue;
/** The snapshot's day, before the Berlin plant's cut-off. */
const NOW = '2026-11-23T09:30:00+01:00';
const TODAY = '2026-11-23';
/** A complete, valid desk (line L2 of the sample request): laminate, dual motor, no cable tray. */
const complete = acme.lines[1]!.selection as Selection;
function ready<T>(loaded: Loaded<T>): T {
  if (loaded.state !== 'ready') throw new Error(loaded.state);
  return loaded.value;
}
const pricing = ready(catalogueData.pricing);
const snapshot = ready(catalogueData.snapshot);
const attr = (id: string): Attribute => desk.attributes.find((a) => a.id === id)!;
const line = (selection: Selection = complete, quantity = 1) => ({
  model: desk,
  selection,
  quantity,
});

describe('daysBetween', () => {
  it.each([
    ['2026-12-07', '2026-12-16', 9],
    ['2026-12-16', '2026-12-07', -9],
    ['2026-12-07', '2026-12-07', 0],
    ['2026-12-31T10:00:00Z', '2027-01-01', 1],
  ])('%s → %s: %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('withValue: the selection a value would make', () => {
  it.each<{ id: string; key: string; from: Selection; to: Selection | undefined }>([
    { id: 'frame', key: 'aluminium', from: { frame: 'steel' }, to: { frame: 'aluminium' } },
    { id: 'cableTray', key: 'true', from: {}, to: { cableTray: true } },
    { id: 'cableTray', key: 'false', from: { cableTray: true }, to: { cableTray: false } },
    // Multi items in model order; a chosen item is taken out.
    {
      id: 'accessories',
      key: 'monitor-arm',
      from: { accessories: ['drawer'] },
      to: { accessories: ['monitor-arm', 'drawer'] },
    },
    {
      id: 'accessories',
      key: 'drawer',
      from: { accessories: ['monitor-arm', 'drawer'] },
      to: { accessories: ['monitor-arm'] },
    },
    { id: 'width', key: '1400', from: {}, to: undefined },
    { id: 'engraving', key: 'x', from: {}, to: undefined },
  ])('$id=$key from $from', ({ id, key, from, to }) => {
    expect(withValue(attr(id), key, from)).toEqual(to);
  });
});

describe('deltasOf: the per-value deltas, after the paint', () => {
  it('the engine deltas of the line on the date (every option re-priced)', () => {
    const oracle = optionDeltas(
      {
        productId: 'DESK',
        selection: complete,
        quantity: 3,
        currency: 'EUR',
        date: TODAY,
      },
      { pricing: pricing, models: [desk] },
    );
    expect(deltasOf(line(complete, 3), catalogueData, TODAY)).toEqual(oracle);
    expect(oracle.deltas['drive']).toEqual({ single: '-190.00', dual: '0.00' });
  });

  it.each<[string, SessionData['pricing']]>([
    ['absent', { state: 'absent' }],
    ['loading', { state: 'loading' }],
    ['unreadable', { state: 'error', message: 'not a JSON object' }],
  ])('none while the pricing is %s', (_what, pricing) => {
    expect(deltasOf(line(), { ...catalogueData, pricing }, TODAY)).toBeNull();
  });

  it('none for a currency the pricing cannot quote (the engine refuses the line)', () => {
    expect(deltasOf(line(), { ...catalogueData, currency: 'XXX' }, TODAY)).toBeNull();
  });
});

describe('valueOutlook.delta: one value alone, as deltasOf has it', () => {
  it.each<[string, Selection]>([
    ['the complete desk', complete],
    [
      'two accessories and a cable tray',
      { ...complete, accessories: ['monitor-arm', 'drawer'], cableTray: true },
    ],
    ['an empty selection', {}],
    ['a partial one', { frame: 'steel', drive: 'single' }],
  ])('%s: every value of every attribute', (_what, selection) => {
    const whole = deltasOf(line(selection, 2), catalogueData, TODAY)!;
    const o = valueOutlook(line(selection, 2), catalogueData, NOW, TODAY);
    expect(o.currency).toBe(whole.currency);
    let compared = 0;
    for (const a of desk.attributes) {
      const keys =
        a.type === 'boolean'
          ? ['true', 'false']
          : a.type === 'choice' || a.type === 'multi'
            ? a.values.map((v) => v.id)
            : ['1'];
      for (const key of keys) {
        expect(o.delta(a, key), `${a.id}=${key}`).toBe(whole.deltas[a.id]?.[key]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('none without a pricing document, and none for an unknown value', () => {
    const o = valueOutlook(line(), { ...catalogueData, pricing: { state: 'loading' } }, NOW, TODAY);
    expect(o.delta(attr('drive'), 'single')).toBeUndefined();
    expect(o.currency).toBeUndefined();
    const ready = valueOutlook(line(), catalogueData, NOW, TODAY);
    expect(ready.delta(attr('drive'), 'turbo')).toBeUndefined();
  });
});

describe('priceOf prices the line alone', () => {
  it('no per-option deltas on a click (deltasOf gives them after the paint)', () => {
    const outcome = priceOf({ ...line(), complete: true }, catalogueData, TODAY);
    if (!('result' in outcome)) throw new Error(outcome.state);
    expect(outcome.result.lines[0]!.optionDeltas).toBeUndefined();
    expect(outcome.state).toBe('valid');
  });
});

/** The oracle: the engine's bare promise of a selection. */
function bare(selection: Selection) {
  return promise(
    {
      now: NOW,
      lines: [{ lineId: 'L1', productId: 'DESK', quantity: 1, selection }],
      options: { atpCurve: false, suggestions: false, confidence: false },
    },
    { snapshot: snapshot, models: [desk] },
  );
}

describe('valueOutlook.badge: differences against the current promise', () => {
  const outlook = valueOutlook(line(), catalogueData, NOW, TODAY);
  it.each([
    ['frame', 'steel', { days: 0, state: 'in-stock' }],
    ['frame', 'aluminium', { days: 0, state: 'in-stock' }],
    ['frameColour', 'custom-ral', { days: 14, state: 'delayed' }],
    ['drive', 'single', { days: -3, state: 'earlier' }],
    // The chosen motor waits for a purchase order: a difference of 0 is not "in stock".
    ['drive', 'dual', { days: 0, state: 'on-order' }],
    ['topMaterial', 'walnut', { days: 0, state: 'on-order' }],
    ['topDecor', 'sage', { days: 8, state: 'delayed' }],
    ['cableTray', 'true', { days: 0, state: 'in-stock' }],
    // "No cable tray" brings no parts: nothing to say.
    ['cableTray', 'false', undefined],
    ['accessories', 'drawer', { days: 0, state: 'in-stock' }],
    ['width', '1400', undefined],
    ['engraving', 'x', undefined],
  ])('%s=%s', (id, key, badge) => {
    expect(outlook.badge(attr(id), key)).toEqual(badge);
  });

  it('every value of every choice agrees with the engine promise with it', () => {
    const current = bare(complete);
    expect(current.components.find((c) => c.item === 'MOT-24V-DM')?.source).not.toBe('stock');
    for (const a of desk.attributes) {
      if (a.type !== 'choice') continue;
      for (const v of a.values) {
        const other = bare({ ...complete, [a.id]: v.id });
        const got = outlook.badge(a, v.id);
        if (other.status === 'unavailable') {
          expect(got, `${a.id}=${v.id}`).toEqual({ state: 'unavailable' });
          continue;
        }
        const days = daysBetween(current.deliveryDate!, other.deliveryDate!);
        const parts = (v.bom ?? []).map((l) => l.item);
        const sources = other.components.filter((c) => parts.includes(c.item));
        const state =
          days > 0
            ? 'delayed'
            : days < 0
              ? 'earlier'
              : parts.length === 0
                ? undefined
                : sources.length > 0 && sources.every((c) => c.source === 'stock')
                  ? 'in-stock'
                  : 'on-order';
        expect(got?.state, `${a.id}=${v.id}`).toBe(state);
        if (state) expect(got?.days, `${a.id}=${v.id}`).toBe(days);
      }
    }
  });

  it('a chosen multi item: the promise without it against the current one', () => {
    const withArm = { ...complete, accessories: ['monitor-arm'] };
    const o = valueOutlook(line(withArm), catalogueData, NOW, TODAY);
    const days = daysBetween(
      bare({ ...complete, accessories: [] }).deliveryDate!,
      bare(withArm).deliveryDate!,
    );
    expect(o.badge(attr('accessories'), 'monitor-arm')?.days ?? 0).toBe(days);
  });

  it('a value with no delivery date is "unavailable"', () => {
    const gone = structuredClone(snapshot) as unknown as {
      items: Record<string, { suppliers: unknown[] }>;
      stock: Record<string, unknown>;
      inbound: { item: string }[];
    };
    // Every source of the anthracite laminate gone.
    const item = 'HPL-U961-08';
    gone.items[item]!.suppliers = [];
    delete gone.stock[item];
    gone.inbound = gone.inbound.filter((x) => x.item !== item);
    const data: SessionData = {
      ...catalogueData,
      snapshot: { state: 'ready', value: gone as unknown as typeof snapshot },
    };
    const o = valueOutlook(line(), data, NOW, TODAY);
    expect(o.badge(attr('topDecor'), 'anthracite')).toEqual({ state: 'unavailable' });
    expect(o.badge(attr('topDecor'), 'white')?.state).not.toBe('unavailable');
  });

  it('nothing without a loaded snapshot', () => {
    const o = valueOutlook(
      line(),
      { ...catalogueData, snapshot: { state: 'loading' } },
      NOW,
      TODAY,
    );
    expect(o.badge(attr('drive'), 'single')).toBeUndefined();
  });

  it('computes nothing until asked, and each value once', () => {
    let reads = 0;
    const counting: SessionData = {
      ...catalogueData,
      get snapshot() {
        reads++;
        return catalogueData.snapshot;
      },
    };
    const o = valueOutlook(line(), counting, NOW, TODAY);
    expect(reads).toBe(0);
    const first = o.badge(attr('drive'), 'single');
    const after = reads;
    expect(after).toBeGreaterThan(0);
    expect(o.badge(attr('drive'), 'single')).toBe(first);
    expect(reads).toBe(after);
  });
});

describe('session.outlook(valueOutlook): the what-ifs at the session clock', () => {
  it('one outlook per line, at the snapshot now and today (one clock reading)', async () => {
    let reads = 0;
    const session = createSession(desk, catalogueData, {
      port: localPort(desk),
      clock: () => {
        reads++;
        return NOW;
      },
      initial: { selection: complete },
    });
    const first = session.outlook(valueOutlook);
    const snap = session.getSnapshot();
    expect([first.now, first.today]).toEqual([snap.now, snap.today]);
    expect(first.today).toBe(plantToday(desk, catalogueData, NOW));
    expect(reads).toBe(1);
    expect(session.outlook(valueOutlook)).toBe(first);
    expect(first.badge(attr('drive'), 'dual')).toEqual({ days: 0, state: 'on-order' });
    await session.send({ type: 'choose', attribute: 'drive', key: 'single' });
    const second = session.outlook(valueOutlook);
    expect(second).not.toBe(first);
    expect(reads).toBe(2);
    expect(second.deltas()?.deltas['drive']).toEqual({ single: '0.00', dual: '190.00' });
  });
});
