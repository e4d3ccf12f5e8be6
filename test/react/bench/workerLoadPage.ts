// The page the worker-load benchmark drives (see workerLoad.bench.ts): fetches and parses the
// model at ?model=… as a page embedding the widget does, then starts the engine worker on the
// compiled file at ?compiled=… `runs` times (a new worker each) and returns, per run, the time
// until the worker is ready and the first `domains` after that. Not a test: timings are this
// machine's.
import { parseModel } from '../../../src/engine/index.ts';
import { createWorkerClient } from '../../../src/react/worker/createWorkerClient.ts';

interface LoadTiming {
  /** createWorkerClient(model, undefined, compiled) → resolved (worker ready, file loaded). */
  ready: number;
  /** The first domains({}) after that, through the worker. */
  firstDomains: number;
}

async function run(runs: number): Promise<{ parse: number; fetch: number; loads: LoadTiming[] }> {
  const params = new URLSearchParams(window.location.search);
  const start = performance.now();
  const text = await (await fetch(params.get('model')!)).text();
  const fetched = performance.now();
  const model = parseModel(JSON.parse(text));
  const parsed = performance.now();
  const loads: LoadTiming[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const client = await createWorkerClient(model, undefined, params.get('compiled')!);
    const t1 = performance.now();
    await client.domains({});
    const t2 = performance.now();
    client.dispose();
    loads.push({ ready: t1 - t0, firstDomains: t2 - t1 });
  }
  return { fetch: fetched - start, parse: parsed - fetched, loads };
}

(window as unknown as { __madetoWorkerLoad: typeof run }).__madetoWorkerLoad = run;
