import type { InsightReporter, InsightReporterOptions } from '../../core/index.ts';
import { whenIdle } from '../split/useSplitFile.ts';
import { insightsFile } from './insightsFile.ts';

// Type-only, so erased: in the shop app `core/index.ts` re-exports this file's.
export type { BatchSender, InsightReporter, InsightReporterOptions } from '../../core/index.ts';

export type Create = (options: InsightReporterOptions) => InsightReporter;

const reporterFile = {
  load: () => insightsFile.load().then((file) => file.createInsightReporter),
  loaded: () => insightsFile.loaded()?.createInsightReporter,
};

/** Tries after a failed load (the events stay queued meanwhile), then gives up. */
const RETRIES_MS = [5_000, 30_000, 120_000];

/**
 * What the shop app has in place of `src/core/insightReporter.ts` (swapped in by `build.ts`): the
 * same reporter, whose code (`madeto-insights.<hash>.js`, beside the app, with its nonce) is
 * fetched when the page is first idle, or at once when the buyer leaves. Until it has run every
 * call is queued with the instant it was made, then replayed in order on the real reporter (whose
 * clock says those instants while replaying): no event is lost or re-timed. A file that does not
 * load is tried again later (5 s, 30 s, 2 min), the events still queued.
 *
 * @example
 * const reporter = createInsightReporter({ productId: 'DESK', channel: 'shop', send, now, randomId });
 */
export function createInsightReporter(options: InsightReporterOptions): InsightReporter {
  return deferredInsightReporter(options, reporterFile.load, reporterFile.loaded, whenIdle);
}

/**
 * `createInsightReporter`'s queue and replay over any loader (`load`, and `loaded` once it has
 * run); `idle` schedules the first load.
 *
 * @example
 * const reporter = deferredInsightReporter(options, () => import('./real.ts').then((m) => m.create), () => undefined, setTimeout);
 */
export function deferredInsightReporter(
  options: InsightReporterOptions,
  loadCreate: () => Promise<Create>,
  loadedCreate: () => Create | undefined,
  idle: (fn: () => void) => unknown,
): InsightReporter {
  let real: InsightReporter | undefined;
  const queue: { at: string; call: (r: InsightReporter) => void }[] = [];
  let replaying: string | undefined;
  const now = () => replaying ?? options.now();
  let tries = 0;
  let asked = false;
  const start = (create: Create) => {
    if (real) return;
    real = create({ ...options, now });
    for (const { at, call } of queue.splice(0)) {
      replaying = at;
      try {
        call(real);
      } finally {
        replaying = undefined;
      }
    }
  };
  const load = () => {
    if (real || asked) return;
    asked = true;
    loadCreate().then(start, () => {
      asked = false;
      const wait = RETRIES_MS[tries++];
      if (wait !== undefined) setTimeout(load, wait);
    });
  };
  const created = loadedCreate();
  if (created) start(created);
  else idle(load);
  const call = (fn: (r: InsightReporter) => void) => {
    if (real) fn(real);
    else queue.push({ at: options.now(), call: fn });
  };
  return {
    observe: (before, after) => call((r) => r.observe(before, after)),
    submitted: (kind, selection) => call((r) => r.submitted(kind, selection)),
    leave: () => {
      call((r) => r.leave());
      load();
    },
    flush: () =>
      real
        ? real.flush()
        : new Promise<void>((resolve) => {
            call((r) => void r.flush().then(resolve, resolve));
            load();
          }),
    pending: () => real?.pending() ?? [],
  };
}
