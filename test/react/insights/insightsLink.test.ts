// The insights link keeps one reporter per configuration key: a widget connected again under the
// same key (React StrictMode's second effect run, a rep back on a quote line) goes on with it, so
// "opened" and the first choices count once; a saved rep quote counts each configured line as
// quoted. Real sessions over the sample desk, the real reporter; only the sender records.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '../../../src/core/index.ts';
import type { EventBatch, InsightEvent } from '../../../src/engine/index.ts';
import { createInsightsLink, IDLE_ABANDON_MS } from '../../../src/react/insights/insightsLink.ts';
import { catalogue, catalogueData, localPort, NOW } from '../../core/localPort.ts';

const desk = () =>
  createSession(catalogue.desk, catalogueData, {
    port: localPort(catalogue.desk),
    clock: () => NOW,
  });

function recorded(channel: 'shop' | 'rep') {
  const sent: EventBatch[] = [];
  let n = 0;
  const link = createInsightsLink(
    channel,
    async (batch) => {
      sent.push(batch);
    },
    { now: () => NOW, randomId: () => `id-${String(++n).padStart(6, '0')}` },
  );
  const events = () => sent.flatMap((b) => b.events);
  return { link, events };
}

const ofType = (events: InsightEvent[], type: InsightEvent['type']) =>
  events.filter((e) => e.type === type);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the insights link', () => {
  it('a shop widget connected, disconnected and connected again at once (StrictMode) opens once', async () => {
    const { link, events } = recorded('shop');
    const session = desk();
    link.connect('w1', 'DESK', session)();
    const disconnect = link.connect('w1', 'DESK', session);
    await session.send({ type: 'choose', attribute: 'frame', key: 'aluminium' });
    disconnect();
    // The widget went for good: it leaves at the next task (abandoned: not completed) and sends.
    await vi.runAllTimersAsync();
    const all = events();
    expect(ofType(all, 'opened')).toHaveLength(1);
    expect(new Set(all.map((e) => e.session)).size).toBe(1);
    expect(
      ofType(all, 'chosen').filter((e) => e.type === 'chosen' && e.attributeId === 'frame'),
    ).toHaveLength(1);
    expect(ofType(all, 'abandoned')).toHaveLength(1);
  });

  it('another product under the same key is another configuration', async () => {
    const { link, events } = recorded('shop');
    link.connect('w1', 'DESK', desk())();
    const bike = createSession(catalogue.bike, catalogueData, {
      port: localPort(catalogue.bike),
      clock: () => NOW,
    });
    link.connect('w1', 'BIKE', bike)();
    await vi.runAllTimersAsync();
    expect(ofType(events(), 'opened').map((e) => e.productId)).toEqual(['DESK', 'BIKE']);
    // The desk, left incomplete for the bike, is abandoned (and the bike, gone too, as well).
    expect(ofType(events(), 'abandoned').map((e) => e.productId)).toEqual(['DESK', 'BIKE']);
  });

  it("a rep's quote: each configured line opens once, and is not abandoned for another line", async () => {
    const { link, events } = recorded('rep');
    const l1 = desk();
    link.connect('L1:DESK', 'DESK', l1)();
    // StrictMode's re-run and a rep going back to L1 later: the same session.
    let off = link.connect('L1:DESK', 'DESK', l1);
    await l1.send({ type: 'complete', objective: 'defaults' });
    off();
    const l2 = desk();
    off = link.connect('L2:DESK', 'DESK', l2);
    await l2.send({ type: 'choose', attribute: 'frame', key: 'aluminium' });
    await l2.send({ type: 'complete', objective: 'defaults' });
    off();
    off = link.connect('L1:DESK', 'DESK', l1);
    off();
    await vi.runAllTimersAsync();
    const all = events();
    expect(all.every((e) => e.channel === 'rep')).toBe(true);
    const opened = ofType(all, 'opened').map((e) => e.session);
    expect(opened).toHaveLength(2);
    expect(ofType(all, 'completed').map((e) => e.session)).toEqual(opened);
    // "Quoted" is counted by the server from the saved quote (every line, once).
    expect(ofType(all, 'quoteRequested')).toEqual([]);
    // A rep's line is not abandoned when the rep goes to another line.
    expect(ofType(all, 'abandoned')).toEqual([]);
  });

  it("a rep's quote closed (another quote opened, the editor gone): incomplete lines are abandoned", async () => {
    const { link, events } = recorded('rep');
    // StrictMode: held, released and held again at once: nothing leaves.
    link.hold()();
    const release = link.hold();
    const l1 = desk();
    const off1 = link.connect('L1:DESK', 'DESK', l1);
    await l1.send({ type: 'complete', objective: 'defaults' });
    off1();
    const l2 = desk();
    const off2 = link.connect('L2:DESK', 'DESK', l2);
    await l2.send({ type: 'choose', attribute: 'frame', key: 'aluminium' });
    await vi.advanceTimersByTimeAsync(10);
    expect(ofType(events(), 'abandoned')).toEqual([]);
    off2();
    release();
    await vi.advanceTimersByTimeAsync(10);
    // Only L2 (never completed; opened second), on the step it was left on.
    const l2Session = ofType(events(), 'opened')[1]!.session;
    expect(ofType(events(), 'abandoned')).toMatchObject([
      { session: l2Session, step: expect.any(String) },
    ]);
  });

  it.each(['shop', 'rep'] as const)(
    '%s: a configuration left unchanged and incomplete for 30 minutes is abandoned; a change after is a new session',
    async (channel) => {
      const { link, events } = recorded(channel);
      const idle = desk();
      const off = link.connect('w1', 'DESK', idle);
      await idle.send({ type: 'choose', attribute: 'frame', key: 'aluminium' });
      await vi.advanceTimersByTimeAsync(IDLE_ABANDON_MS - 1_000);
      expect(ofType(events(), 'abandoned')).toEqual([]);
      await vi.advanceTimersByTimeAsync(2_000);
      const [first] = ofType(events(), 'opened');
      expect(ofType(events(), 'abandoned').map((e) => e.session)).toEqual([first!.session]);
      // Back after the break: a new session, opened once more.
      await idle.send({ type: 'choose', attribute: 'drive', key: 'dual' });
      await vi.advanceTimersByTimeAsync(6_000);
      const opened = ofType(events(), 'opened');
      expect(opened).toHaveLength(2);
      expect(opened[1]!.session).not.toBe(first!.session);
      off();
      // A completed configuration idle for an hour is not abandoned.
      const done = desk();
      const off2 = link.connect('w2', 'DESK', done);
      await done.send({ type: 'complete', objective: 'defaults' });
      await vi.advanceTimersByTimeAsync(2 * IDLE_ABANDON_MS);
      const doneSession = ofType(events(), 'completed').at(-1)!.session;
      expect(ofType(events(), 'abandoned').filter((e) => e.session === doneSession)).toEqual([]);
      off2();
    },
  );

  it("the shop's idle minutes from the backend's answer (45): not abandoned at 30, abandoned at 45", async () => {
    const sent: EventBatch[] = [];
    let n = 0;
    const link = createInsightsLink(
      'shop',
      async (batch) => {
        sent.push(batch);
        return { idleAbandonMinutes: 45 };
      },
      { now: () => NOW, randomId: () => `id-${String(++n).padStart(6, '0')}` },
    );
    const abandoned = () =>
      ofType(
        sent.flatMap((b) => b.events),
        'abandoned',
      );
    const session = desk();
    const off = link.connect('w1', 'DESK', session);
    await session.send({ type: 'choose', attribute: 'frame', key: 'aluminium' });
    // The first batch leaves after 5 s; its answer names 45 minutes, counted from then.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(IDLE_ABANDON_MS + 60_000);
    expect(abandoned()).toEqual([]);
    await vi.advanceTimersByTimeAsync(45 * 60_000 - IDLE_ABANDON_MS - 60_000 + 1_000);
    expect(abandoned()).toHaveLength(1);
    off();
  });

  it('an answer without idle minutes keeps the 30', async () => {
    const sent: EventBatch[] = [];
    const link = createInsightsLink(
      'shop',
      async (batch) => {
        sent.push(batch);
        return {};
      },
      { now: () => NOW, randomId: () => 'id-000001' },
    );
    const session = desk();
    const off = link.connect('w1', 'DESK', session);
    await session.send({ type: 'choose', attribute: 'frame', key: 'aluminium' });
    await vi.advanceTimersByTimeAsync(IDLE_ABANDON_MS + 1_000);
    expect(
      ofType(
        sent.flatMap((b) => b.events),
        'abandoned',
      ),
    ).toHaveLength(1);
    off();
  });
});
