import { describe, expect, it } from 'vitest';
import {
  createSession,
  type SessionData,
  type SessionEvent,
  type SessionSnapshot,
} from '../../src/core/index.ts';
import type { ProductModel } from '../../src/engine/index.ts';
import { catalogue, catalogueData, localPort, NOW } from './localPort.ts';

const { desk, bike } = catalogue;

function sessionOf(
  model: ProductModel = desk,
  { async = false, data = catalogueData }: { async?: boolean; data?: SessionData } = {},
) {
  let reads = 0;
  const session = createSession(model, data, {
    port: localPort(model, { async }),
    clock: () => {
      reads++;
      return NOW;
    },
  });
  return { session, reads: () => reads };
}

async function run(events: SessionEvent[], model?: ProductModel): Promise<SessionSnapshot> {
  const { session } = sessionOf(model);
  for (const e of events) await session.send(e);
  return session.getSnapshot();
}

const choose = (attribute: string, key: string): SessionEvent => ({
  type: 'choose',
  attribute,
  key,
});

describe('createSession: choose, unchoose', () => {
  it.each<{ name: string; events: SessionEvent[]; selection: Record<string, unknown> }>([
    {
      name: 'an available value is chosen',
      events: [choose('frame', 'steel')],
      selection: { frame: 'steel' },
    },
    {
      name: 'a number by its key',
      events: [choose('width', '1400')],
      selection: { width: 1400 },
    },
    {
      name: 'a boolean by its key',
      events: [choose('cableTray', 'true')],
      selection: { cableTray: true },
    },
    {
      name: 'multi items are added in model order',
      events: [choose('accessories', 'drawer'), choose('accessories', 'monitor-arm')],
      selection: { accessories: ['monitor-arm', 'drawer'] },
    },
    {
      name: 'unchoose clears an attribute',
      events: [choose('frame', 'steel'), { type: 'unchoose', attribute: 'frame' }],
      selection: {},
    },
    {
      name: 'unchoose removes one multi item',
      events: [
        choose('accessories', 'drawer'),
        choose('accessories', 'cpu-holder'),
        { type: 'unchoose', attribute: 'accessories', key: 'drawer' },
      ],
      selection: { accessories: ['cpu-holder'] },
    },
    {
      name: 'a conflicting value is not chosen: it opens the conflict',
      events: [choose('drive', 'single'), choose('topMaterial', 'walnut')],
      selection: { drive: 'single' },
    },
    {
      name: 'an unknown attribute changes nothing',
      events: [choose('nope', 'x')],
      selection: {},
    },
  ])('$name', async ({ events, selection }) => {
    expect((await run(events)).intent.selection).toEqual(selection);
  });

  it('a choice is announced and undoable', async () => {
    const s = await run([choose('frame', 'steel')]);
    expect(s.messages.announcement?.message).toEqual({
      code: 'chosen',
      attribute: 'frame',
      value: 'steel',
    });
    expect(s.intent.past).toEqual([{}]);
    expect(s.intent.recency).toEqual(['frame']);
  });
});

describe('createSession: conflict, explain, repair, dismiss', () => {
  it('a conflicting value opens its explanation and the nearest repair; repair applies it', async () => {
    const { session } = sessionOf();
    await session.send(choose('drive', 'single'));
    await session.send(choose('topMaterial', 'walnut'));
    const open = session.getSnapshot().conflict;
    expect(open).toMatchObject({ attribute: 'topMaterial', key: 'walnut', valueState: 'conflict' });
    expect(open?.state).toBe('ready');
    // The nearest configuration: the drive becomes dual (not "not chosen").
    expect(open?.state === 'ready' && open.repair?.changes).toEqual([
      { attribute: 'drive', from: 'single', to: 'dual' },
      { attribute: 'topMaterial', from: undefined, to: 'walnut' },
    ]);
    await session.send({ type: 'repair' });
    const s = session.getSnapshot();
    expect(s.conflict).toBeUndefined();
    expect(s.intent.selection.topMaterial).toBe('walnut');
    expect(s.messages.announcement?.message.code).toBe('changed');
    await session.send({ type: 'undo' });
    expect(session.getSnapshot().intent.selection).toEqual({ drive: 'single' });
  });

  it('dismiss closes the conflict and changes nothing', async () => {
    const { session } = sessionOf();
    await session.send(choose('drive', 'single'));
    await session.send(choose('topMaterial', 'walnut'));
    await session.send({ type: 'dismiss' });
    expect(session.getSnapshot().conflict).toBeUndefined();
    expect(session.getSnapshot().intent.selection).toEqual({ drive: 'single' });
  });

  it('explain opens an explanation without choosing', async () => {
    const { session } = sessionOf();
    await session.send(choose('drive', 'single'));
    await session.send({ type: 'explain', attribute: 'topMaterial', key: 'walnut' });
    expect(session.getSnapshot().conflict?.state).toBe('ready');
    expect(session.getSnapshot().intent.selection).toEqual({ drive: 'single' });
  });

  it('repair without an open conflict changes nothing', async () => {
    expect((await run([choose('frame', 'steel'), { type: 'repair' }])).intent.selection).toEqual({
      frame: 'steel',
    });
  });
});

describe('createSession: complete, undo, redo, reset', () => {
  it('complete(defaults) gives a complete, priced, promised configuration', async () => {
    const s = await run([
      choose('frame', 'aluminium'),
      { type: 'complete', objective: 'defaults' },
    ]);
    expect(s.complete).toBe(true);
    expect(s.missing).toEqual([]);
    expect(s.steps.every((st) => st.state === 'complete')).toBe(true);
    expect(s.price.state).toBe('valid');
    expect(['valid', 'unavailable']).toContain(s.promise.state);
    expect(s.intent.selection.frame).toBe('aluminium');
    expect(s.messages.announcement?.message).toEqual({ code: 'completed' });
    expect(s.activity).toBe('idle');
  });

  it.each<{
    name: string;
    events: SessionEvent[];
    selection: object;
    past: number;
    future: number;
  }>([
    {
      name: 'undo',
      events: [choose('frame', 'steel'), { type: 'undo' }],
      selection: {},
      past: 0,
      future: 1,
    },
    {
      name: 'redo',
      events: [choose('frame', 'steel'), { type: 'undo' }, { type: 'redo' }],
      selection: { frame: 'steel' },
      past: 1,
      future: 0,
    },
    { name: 'undo with no history', events: [{ type: 'undo' }], selection: {}, past: 0, future: 0 },
    {
      name: 'a new choice drops the redo history',
      events: [choose('frame', 'steel'), { type: 'undo' }, choose('drive', 'dual')],
      selection: { drive: 'dual' },
      past: 1,
      future: 0,
    },
    {
      name: 'reset is undoable',
      events: [choose('frame', 'steel'), { type: 'reset' }],
      selection: {},
      past: 2,
      future: 0,
    },
  ])('$name', async ({ events, selection, past, future }) => {
    const s = await run(events);
    expect(s.intent.selection).toEqual(selection);
    expect(s.intent.past).toHaveLength(past);
    expect(s.intent.future).toHaveLength(future);
  });
});

describe('createSession: setQuantity never restores silently', () => {
  it.each<{ input: string | number; problem?: string; quantity: number }>([
    { input: '3', quantity: 3 },
    { input: 12, quantity: 12 },
    { input: '0', problem: 'below-min', quantity: 1 },
    { input: '-3', problem: 'below-min', quantity: 1 },
    { input: '1.5', problem: 'not-whole', quantity: 1 },
    { input: '100000', problem: 'above-max', quantity: 1 },
    { input: 'abc', problem: 'not-a-number', quantity: 1 },
    { input: '', problem: 'not-a-number', quantity: 1 },
    { input: '99999999999', problem: 'above-max', quantity: 1 },
  ])('$input', async ({ input, problem, quantity }) => {
    const s = await run([{ type: 'setQuantity', input }]);
    expect(s.intent.quantity).toBe(quantity);
    expect(s.messages.quantity?.problem).toBe(problem);
    if (problem)
      expect(s.messages.quantity).toMatchObject({
        input: String(input),
        limits: { min: 1, max: 9999, step: 1 },
      });
  });

  it('an accepted quantity clears the refusal and reprices', async () => {
    const s = await run([
      { type: 'complete', objective: 'defaults' },
      { type: 'setQuantity', input: '0' },
      { type: 'setQuantity', input: '2' },
    ]);
    expect(s.messages.quantity).toBeUndefined();
    expect(s.intent.quantity).toBe(2);
    expect(s.price.state === 'valid' && s.price.result.lines[0]?.quantity).toBe(2);
  });
});

describe('createSession: setText and one state of "complete"', () => {
  it.each<{ text: string; stored: boolean; refused?: string[]; problem?: string }>([
    { text: 'For Anna', stored: true },
    { text: 'Für Anna', stored: true, refused: ['ü'], problem: 'pattern' },
    { text: 'x'.repeat(80), stored: true, refused: [], problem: 'too-long' },
    { text: '', stored: false },
  ])('$text', async ({ text, stored, refused, problem }) => {
    const s = await run([
      { type: 'complete', objective: 'defaults' },
      { type: 'setText', attribute: 'engraving', text },
    ]);
    // Stored as typed (never cut), and named when refused.
    expect(s.intent.selection.engraving).toBe(stored ? text : undefined);
    const refusal = s.messages.texts.get('engraving');
    expect(refusal?.problem).toBe(problem);
    if (refused) expect(refusal?.refused).toEqual(refused);
    if (problem === 'too-long') expect(refusal).toMatchObject({ length: 80, maxLength: 24 });
    // Steps, the price and completeness agree.
    const step = s.steps.find((st) => st.attributes.some((a) => a.id === 'engraving'))!;
    expect(s.complete).toBe(problem === undefined);
    expect(step.state === 'complete').toBe(problem === undefined);
    expect(s.price.state).toBe(problem === undefined ? 'valid' : 'incomplete');
    if (problem)
      expect(s.missing).toEqual([
        { attribute: 'engraving', label: expect.any(String), step: step.id, reason: 'refused' },
      ]);
  });
});

describe('createSession: step navigation', () => {
  it.each<{ events: SessionEvent[]; step: string }>([
    { events: [], step: desk.groups[0]!.id },
    { events: [{ type: 'nextStep' }], step: desk.groups[1]!.id },
    { events: [{ type: 'nextStep' }, { type: 'previousStep' }], step: desk.groups[0]!.id },
    { events: [{ type: 'previousStep' }], step: desk.groups[0]!.id },
    { events: [{ type: 'goToStep', step: desk.groups[2]!.id }], step: desk.groups[2]!.id },
    { events: [{ type: 'goToStep', step: 'no-such-step' }], step: desk.groups[0]!.id },
  ])('$events', async ({ events, step }) => {
    expect((await run(events)).step?.id).toBe(step);
  });
});

describe('createSession: load', () => {
  it.each<{
    name: string;
    event: Extract<SessionEvent, { type: 'load' }>;
    selection: object;
    quantity: number;
    dropped: { attribute: string; reason: string }[] | undefined;
  }>([
    {
      name: 'a valid link loads as it is',
      event: { type: 'load', source: 'link', selection: { frame: 'steel' }, quantity: 2 },
      selection: { frame: 'steel' },
      quantity: 2,
      dropped: undefined,
    },
    {
      name: 'a quantity out of limits is dropped and named',
      event: { type: 'load', source: 'link', selection: { frame: 'steel' }, quantity: 99999999999 },
      selection: { frame: 'steel' },
      quantity: 1,
      dropped: [{ attribute: 'quantity', reason: 'quantity' }],
    },
    {
      name: 'choices that do not fit together are dropped and named',
      event: {
        type: 'load',
        source: 'link',
        selection: { topMaterial: 'walnut', drive: 'single' },
      },
      selection: { topMaterial: 'walnut' },
      quantity: 1,
      dropped: [{ attribute: 'drive', reason: 'conflict' }],
    },
    {
      name: 'what the URL reader dropped is named too',
      event: {
        type: 'load',
        source: 'link',
        selection: {},
        dropped: [{ attribute: 'x', label: 'x', value: 'y', reason: 'unknown-attribute' }],
      },
      selection: {},
      quantity: 1,
      dropped: [{ attribute: 'x', reason: 'unknown-attribute' }],
    },
  ])('$name', async ({ event, selection, quantity, dropped }) => {
    const s = await run([event]);
    expect(s.intent.selection).toEqual(selection);
    expect(s.intent.quantity).toBe(quantity);
    expect(s.intent.past).toEqual([]);
    expect(s.messages.load?.dropped).toEqual(dropped?.map((d) => expect.objectContaining(d)));
  });

  it('dismissNotice removes the notice', async () => {
    const s = await run([
      { type: 'load', source: 'link', selection: {}, quantity: 0 },
      { type: 'dismissNotice' },
    ]);
    expect(s.messages.load).toBeUndefined();
  });
});

describe('createSession: one clock, one price, one promise per state', () => {
  it('reads the clock once per line change, and not for a step change', async () => {
    const { session, reads } = sessionOf();
    session.getSnapshot();
    expect(reads()).toBe(1);
    await session.send(choose('frame', 'steel'));
    session.getSnapshot();
    expect(reads()).toBe(2);
    await session.send({ type: 'nextStep' });
    session.getSnapshot();
    expect(reads()).toBe(2);
    const s = session.getSnapshot();
    expect(s.now).toBe(NOW);
    expect(s.today).toBe('2026-12-07');
    expect(s.promise.state !== 'absent' && 'result' in s.promise).toBe(true);
  });

  it('the same snapshot object until something changes (useSyncExternalStore)', async () => {
    const { session } = sessionOf();
    expect(session.getSnapshot()).toBe(session.getSnapshot());
    const before = session.getSnapshot();
    await session.send(choose('frame', 'steel'));
    expect(session.getSnapshot()).not.toBe(before);
  });

  it('one event, one new snapshot: what it says comes with its change, and its closing notice changes nothing', async () => {
    const { session } = sessionOf();
    const before = session.getSnapshot();
    const seen: SessionSnapshot[] = [];
    session.subscribe(() => {
      const s = session.getSnapshot();
      if (seen.at(-1) !== s) seen.push(s);
    });
    await session.send(choose('frame', 'steel'));
    await session.send(choose('accessories', 'drawer'));
    await session.send({ type: 'setQuantity', input: '2' });
    expect(seen).toHaveLength(3);
    expect(seen[0]).not.toBe(before);
    // The first snapshot a listener reads already holds the choice's announcement.
    expect(seen[0]!.messages.announcement?.message).toEqual({
      code: 'chosen',
      attribute: 'frame',
      value: 'steel',
    });
    expect(seen[1]!.messages.announcement?.message).toMatchObject({ code: 'added' });
    expect(seen[2]!.intent.quantity).toBe(2);
    // An event that changes nothing (a value already chosen) hands out no new snapshot.
    await session.send(choose('frame', 'steel'));
    expect(seen).toHaveLength(3);
    expect(session.getSnapshot()).toBe(seen[2]);
  });

  it('price and promise are computed when first read, once per line (a click paints first)', async () => {
    // Counts the reads of each document: priceOf reads the pricing, promiseOf the snapshot too.
    const reads = { pricing: 0, snapshot: 0 };
    const counting: SessionData = {
      get pricing() {
        reads.pricing++;
        return catalogueData.pricing;
      },
      get snapshot() {
        reads.snapshot++;
        return catalogueData.snapshot;
      },
    };
    const { session } = sessionOf(desk, { data: counting });
    await session.send(choose('frame', 'steel'));
    const first = session.getSnapshot();
    const before = { ...reads };
    // Nothing priced yet: the snapshot (and its now/today) is ready without the engine.
    expect(first.now).toBe(NOW);
    expect(reads.pricing).toBe(before.pricing);
    expect(first.price.state).toBe('incomplete');
    expect(reads.pricing).toBeGreaterThan(before.pricing);
    expect(first.promise.state).toBe('incomplete');
    const priced = { ...reads };
    expect(first.price).toBe(first.price);
    // A step change is a new snapshot of the same line: the same outcomes, nothing recomputed.
    await session.send({ type: 'nextStep' });
    const second = session.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.outcomes).toBe(first.outcomes);
    expect(second.price).toBe(first.price);
    expect(second.promise).toBe(first.promise);
    expect(reads).toEqual(priced);
    await session.send(choose('drive', 'single'));
    expect(session.getSnapshot().outcomes).not.toBe(first.outcomes);
  });

  it('without documents, price and promise say absent', async () => {
    const { session } = sessionOf(desk, {
      data: { pricing: { state: 'absent' }, snapshot: { state: 'loading' } },
    });
    expect(session.getSnapshot().price.state).toBe('absent');
    expect(session.getSnapshot().promise.state).toBe('loading');
    await session.send({ type: 'setData', data: catalogueData });
    expect(session.getSnapshot().price.state).toBe('incomplete');
  });
});

describe('createSession: an engine that answers later (a worker)', () => {
  it('domains are pending until the answer, then fresh; choices are checked by the engine', async () => {
    const { session } = sessionOf(bike, { async: true });
    expect(session.getSnapshot().pending).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    expect(session.getSnapshot().pending).toBe(false);
    expect(session.getSnapshot().domains?.frameMaterial?.steel).toBe('available');
    const changes: number[] = [];
    session.subscribe(() => changes.push(1));
    await session.send(choose('eAssist', 'true'));
    expect(session.getSnapshot().intent.selection).toEqual({ eAssist: true });
    // Stale domains: the steel frame is checked by the engine and opens the conflict.
    await session.send(choose('frameMaterial', 'steel'));
    expect(session.getSnapshot().conflict).toMatchObject({
      attribute: 'frameMaterial',
      state: 'ready',
    });
    expect(changes.length).toBeGreaterThan(0);
  });
});
