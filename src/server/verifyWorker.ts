import { parentPort, workerData } from 'node:worker_threads';
import { verifyOrder, type OrderPayload } from '../engine/index.ts';
import { loadCatalogue } from './catalogue.ts';

/** A verification request to a worker, and its answer (the verdict without the price details). */
export interface VerifyJob {
  id: number;
  payload: OrderPayload;
  priceDates: string[];
  withPromise: boolean;
}

// Each worker loads the catalogue once and verifies with the same engine code as the main thread.
const catalogue = loadCatalogue((workerData as { catalogueDir: string }).catalogueDir);
// Tells the pool this thread is ready, so the server listens only once verification is warm.
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (job: VerifyJob) => {
  try {
    const v = verifyOrder(
      catalogue.models,
      catalogue.pricing,
      job.withPromise ? catalogue.snapshot : undefined,
      job.payload,
      { priceDates: job.priceDates },
    );
    parentPort!.postMessage({ id: job.id, status: v.status, differences: v.differences });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message });
  }
});
