import { describe, expect, it } from 'vitest';
import { createInsightReporter } from '../../src/core/insightReporter.ts';
import { createSession, type SessionSnapshot } from '../../src/core/index.ts';
import { eventBatchSchema, type EventBatch } from '../../src/engine/index.ts';
import { catalogue, catalogueData, localPort, NOW } from './localPort.ts';

/** A real desk session observed by a reporter whose timer and sender the test drives. */
function setup(fail = 0) {
  const session = createSession(catalogue.desk, catalogueData, {
    port: localPort(catalogue.desk, { async: false }),
    clock: () => NOW,
  });
  const sent: EventBatch[] = [];
  let failures = fail;
  const timers: (() => void)[] = [];
  let n = 0;
  const reporter = createInsightReporter({
    productId: 'DESK',
    channel: 'shop',
    now: () => '2026-12-07T09:00:00Z',
    randomId: () => `id-${String(++n).padStart(6, '0')}`,
    maxBatch: 4,
    send: async (batch) => {
      if (failures > 0) {
        failures--;
        throw new Error('offline');
      }
      sent.push(batch);
    },
    timer: { set: (fn) => timers.push(fn), clear: () => {} },
  });
  let last: SessionSnapshot | undefined;
  const observe = () => {
    const next = session.getSnapshot();
    reporter.observe(last, next);
    last = next;
  };
  observe();
  session.subscribe(observe);
  return { session, reporter, sent, timers };
}

const types = (batches: EventBatch[]) => batches.flatMap((b) => b.events.map((e) => e.type));

describe('the insight reporter on a real session', () => {
  it('opened, chosen, a repaired conflict, completed, a quote request; no text, valid batches', async () => {
    const { session, reporter, sent } = setup();
    await session.send({ type: 'choose', attribute: 'frame', key: 'aluminium' });
    await session.send({ type: 'setText', attribute: 'engraving', text: 'Ana Lima' });
    await session.send({ type: 'choose', attribute: 'drive', key: 'dual' });
    expect(session.getSnapshot().conflict).toBeDefined();
    await session.send({ type: 'repair' });
    await session.send({ type: 'complete', objective: 'defaults' });
    expect(session.getSnapshot().complete).toBe(true);
    reporter.submitted('quote-request', { ...session.getSnapshot().effective.shown });
    reporter.leave();
    await reporter.flush();
    const all = sent.flatMap((b) => b.events);
    expect(types(sent).slice(0, 2)).toEqual(['opened', 'chosen']);
    expect(all.find((e) => e.type === 'conflict')).toMatchObject({
      attributeId: 'drive',
      resolution: 'repaired',
    });
    expect(types(sent)).toContain('completed');
    expect(types(sent).at(-1)).toBe('quoteRequested');
    expect(types(sent)).not.toContain('abandoned');
    // Batches of at most 4, each valid on the wire, one session, no text anywhere.
    for (const b of sent) {
      expect(b.events.length).toBeLessThanOrEqual(4);
      expect(eventBatchSchema.safeParse(b).success).toBe(true);
    }
    expect(new Set(all.map((e) => e.session)).size).toBe(1);
    expect(JSON.stringify(sent)).not.toContain('Ana');
    expect(JSON.stringify(sent)).not.toContain('engraving');
  });

  it('leaving before completion reports the step and an unresolved conflict', async () => {
    const { session, reporter, sent } = setup();
    await session.send({ type: 'choose', attribute: 'frame', key: 'aluminium' });
    await session.send({ type: 'choose', attribute: 'drive', key: 'dual' });
    reporter.leave();
    await reporter.flush();
    const all = sent.flatMap((b) => b.events);
    expect(all.find((e) => e.type === 'conflict')).toMatchObject({ resolution: 'unresolved' });
    expect(all.at(-1)).toMatchObject({ type: 'abandoned', step: 'frame' });
  });

  it('a failed send keeps the batch and its id; the retry timer sends it once', async () => {
    const { session, reporter, sent, timers } = setup(1);
    await session.send({ type: 'choose', attribute: 'frame', key: 'steel' });
    await reporter.flush();
    expect(sent).toEqual([]);
    const [kept] = reporter.pending();
    expect(kept?.events.map((e) => e.type)).toEqual(['opened', 'chosen']);
    timers.at(-1)!();
    await reporter.flush();
    expect(sent.map((b) => b.batchId)).toEqual([kept!.batchId]);
    expect(reporter.pending()).toEqual([]);
  });

  it('a flush with nothing queued does not stop later sends (a rep leaving a line twice)', async () => {
    const { session, reporter, sent, timers } = setup();
    await reporter.flush();
    await reporter.flush();
    expect(types(sent)).toEqual(['opened']);
    await session.send({ type: 'choose', attribute: 'frame', key: 'steel' });
    reporter.submitted('quote', { ...session.getSnapshot().effective.shown });
    timers.at(-1)!();
    await reporter.flush();
    expect(types(sent)).toEqual(['opened', 'chosen', 'quoteRequested']);
  });
});
