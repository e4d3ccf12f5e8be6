// The shop app's insights reporter arrives in its own file at idle: until then every call is
// queued with its instant and replayed on the real reporter, so the batches equal those of a
// reporter that was there from the start (same events, same instants, same order).
import { describe, expect, it } from 'vitest';
import { createInsightReporter } from '../../src/core/insightReporter.ts';
import {
  createSession,
  type InsightReporterOptions,
  type SessionSnapshot,
} from '../../src/core/index.ts';
import type { EventBatch } from '../../src/engine/index.ts';
import { deferredInsightReporter } from '../../src/embed/insights/deferredInsightReporter.ts';
import { catalogue, catalogueData, localPort, NOW } from '../core/localPort.ts';

/** Drives a real desk session through choices, a submission and leaving; returns what was sent. */
async function run(
  make: (options: InsightReporterOptions) => {
    reporter: ReturnType<typeof createInsightReporter>;
    arrive: () => void;
  },
) {
  const session = createSession(catalogue.desk, catalogueData, {
    port: localPort(catalogue.desk, { async: false }),
    clock: () => NOW,
  });
  const sent: EventBatch[] = [];
  let minute = 0;
  let n = 0;
  const { reporter, arrive } = make({
    productId: 'DESK',
    channel: 'shop',
    // A later instant after each step: a replay that re-timed events would show.
    now: () => `2026-12-07T09:${String(minute).padStart(2, '0')}:00Z`,
    randomId: () => `id-${String(++n).padStart(6, '0')}`,
    maxBatch: 50,
    send: async (batch) => {
      sent.push(batch);
    },
    timer: { set: () => 0, clear: () => {} },
  });
  let last: SessionSnapshot | undefined;
  const observe = () => {
    const next = session.getSnapshot();
    reporter.observe(last, next);
    last = next;
  };
  observe();
  session.subscribe(observe);
  minute++;
  await session.send({ type: 'choose', attribute: 'frame', key: 'aluminium' });
  minute++;
  await session.send({ type: 'complete', objective: 'defaults' });
  minute++;
  reporter.submitted('quote-request', { ...session.getSnapshot().effective.shown });
  minute++;
  reporter.leave();
  minute++;
  arrive();
  await reporter.flush();
  return sent;
}

describe('the deferred insights reporter', () => {
  it('queues every call until its file arrives, then sends what the real reporter sends', async () => {
    const direct = await run((options) => ({
      reporter: createInsightReporter(options),
      arrive: () => {},
    }));
    let resolve!: (create: typeof createInsightReporter) => void;
    const loads: number[] = [];
    const deferred = await run((options) => {
      const reporter = deferredInsightReporter(
        options,
        () => {
          loads.push(1);
          return new Promise((r) => (resolve = r));
        },
        () => undefined,
        () => {}, // the page never gets idle here: leaving asks for the file
      );
      return { reporter, arrive: () => resolve(createInsightReporter) };
    });
    expect(loads).toHaveLength(1);
    const types = direct.flatMap((b) => b.events.map((e) => e.type));
    expect(types).toEqual(
      expect.arrayContaining(['opened', 'chosen', 'completed', 'abandoned'].slice(0, 3)),
    );
    expect(deferred).toEqual(direct);
  });

  it('keeps the queue when the file fails and replays it when a retry loads it', async () => {
    let tries = 0;
    const sent = await run((options) => {
      let fail = true;
      let retry: (() => void) | undefined;
      const reporter = deferredInsightReporter(
        options,
        () => {
          tries++;
          return fail
            ? Promise.reject(new Error('offline'))
            : Promise.resolve(createInsightReporter);
        },
        () => undefined,
        (fn) => (retry = fn),
      );
      retry!();
      return {
        reporter,
        arrive: () => {
          fail = false;
        },
      };
    });
    // The idle load and leaving's both failed; the retry 5 s later loaded it and replayed all.
    expect(tries).toBe(3);
    expect(sent.flatMap((b) => b.events.map((e) => e.type))).toEqual(
      expect.arrayContaining(['opened', 'chosen', 'completed']),
    );
  });
});
