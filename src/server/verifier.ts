import { Worker } from 'node:worker_threads';
import {
  type OrderDifference,
  type OrderPayload,
  type Snapshot,
  verifyOrder,
} from '../engine/index.ts';
import type { Catalogue } from './catalogue.ts';
import type { VerifyJob } from './verifyWorker.ts';

/** The verdict the routes need. */
export interface Verdict {
  status: 'verified' | 'rejected';
  differences: OrderDifference[];
}

/**
 * The availability a promise is verified on (`--verify-promise`): the feed's current version, as
 * stored (`document`, sent once per version to each worker thread) and parsed.
 */
export interface PromiseSnapshot {
  version: number;
  document: unknown;
  snapshot: Snapshot;
}

/** Verifies payloads with the engine, on worker threads when there are any. */
export interface Verifier {
  /** `promiseOn`: the snapshot to re-check the promise on; undefined checks no promise. */
  verify: (
    payload: OrderPayload,
    priceDates: string[],
    promiseOn: PromiseSnapshot | undefined,
  ) => Promise<Verdict>;
  close: () => Promise<void>;
  /** Resolves once every worker thread has loaded the catalogue (or failed to start). */
  ready: () => Promise<void>;
  /** How many worker threads have loaded the catalogue and take jobs. */
  warm: () => number;
  /** How many worker threads are running (0: verification runs on the event loop). */
  live: () => number;
}

/**
 * How a verifier thread starts: compiled (this file is JavaScript in dist/node/), the worker is
 * the compiled `verifyWorker.js` beside it; from TypeScript (tests, `tsx`), a boot script that
 * registers tsx's loader in the thread first (Node 20 workers do not inherit the main thread's
 * loader). Undefined when neither can run.
 */
function workerBoot(): { source: string | URL; eval: boolean } | undefined {
  if (import.meta.url.endsWith('.js'))
    return { source: new URL('./verifyWorker.js', import.meta.url), eval: false };
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
  const worker = new URL('./verifyWorker.ts', import.meta.url).href;
  return {
    source: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); })`,
    eval: true,
  };
}

/**
 * A verifier: `workers` threads that each load the catalogue and run `verifyOrder` (pricing is
 * CPU-bound, so this spreads it over the machine's cores), or the calling thread when `workers`
 * is 0 or the threads cannot start (e.g. without the tsx loader). Jobs go to the least busy thread.
 *
 * @example
 * const verifier = createVerifier(catalogue, 'public/catalogue', 2);
 * await verifier.verify(payload, ['2026-11-23'], undefined); // { status: 'verified', differences: [] }
 */
export function createVerifier(
  catalogue: Catalogue,
  catalogueDir: string,
  workers: number,
): Verifier {
  const inline: Verifier = {
    verify: async (payload, priceDates, promiseOn) =>
      verifyOrder(catalogue.models, catalogue.pricing, promiseOn?.snapshot, payload, {
        priceDates,
      }),
    close: async () => undefined,
    ready: async () => undefined,
    warm: () => 0,
    live: () => 0,
  };
  if (workers <= 0) return inline;
  const boot = workerBoot();
  if (boot === undefined) return inline;
  type Job = Pick<VerifyJob, 'payload' | 'priceDates'> & {
    promiseOn: PromiseSnapshot | undefined;
    resolve: (v: Verdict) => void;
    reject: (e: Error) => void;
  };
  interface Slot {
    worker: Worker;
    jobs: Map<number, Job>;
    dead: boolean;
    warm: boolean;
    started: Promise<void>;
    /** The snapshot version the thread holds (sent with the first job that needs it). */
    version: number | undefined;
  }
  const runInline = (job: Job) =>
    inline.verify(job.payload, job.priceDates, job.promiseOn).then(job.resolve, job.reject);
  const pool: Slot[] = Array.from({ length: workers }, () => {
    const worker = new Worker(boot.source, { eval: boot.eval, workerData: { catalogueDir } });
    let started = () => undefined as void;
    const slot: Slot = {
      worker,
      jobs: new Map(),
      dead: false,
      warm: false,
      started: new Promise<void>((resolve) => (started = resolve)),
      version: undefined,
    };
    worker.on('message', (m: { id: number; error?: string; ready?: true } & Partial<Verdict>) => {
      if (m.ready) {
        slot.warm = true;
        return started();
      }
      const job = slot.jobs.get(m.id);
      slot.jobs.delete(m.id);
      if (!job) return;
      if (m.error !== undefined) job.reject(new Error(`verification failed: ${m.error}`));
      else job.resolve({ status: m.status!, differences: m.differences! });
    });
    const die = () => {
      // A thread that cannot start or crashed: its jobs, and later ones, run on the event loop.
      slot.dead = true;
      started();
      for (const job of slot.jobs.values()) void runInline(job);
      slot.jobs.clear();
    };
    worker.on('error', die);
    worker.on('exit', die);
    worker.unref();
    return slot;
  });
  let next = 1;
  return {
    verify: (payload, priceDates, promiseOn) =>
      new Promise((resolve, reject) => {
        const job: Job = { payload, priceDates, promiseOn, resolve, reject };
        const live = pool.filter((s) => !s.dead);
        if (live.length === 0) return void runInline(job);
        const slot = live.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
        const id = next++;
        slot.jobs.set(id, job);
        // A thread parses each version once: the document goes with its first job only.
        const fresh = promiseOn !== undefined && slot.version !== promiseOn.version;
        if (promiseOn) slot.version = promiseOn.version;
        slot.worker.postMessage({
          id,
          payload,
          priceDates,
          ...(promiseOn && { snapshotVersion: promiseOn.version }),
          ...(fresh && { snapshotDocument: promiseOn.document }),
        } satisfies VerifyJob);
      }),
    ready: async () => {
      await Promise.all(pool.map((s) => s.started));
    },
    warm: () => pool.filter((s) => s.warm && !s.dead).length,
    live: () => pool.filter((s) => !s.dead).length,
    close: async () => {
      for (const s of pool) s.worker.removeAllListeners('exit');
      await Promise.all(pool.map((s) => s.worker.terminate()));
    },
  };
}
