import { parentPort, workerData } from 'node:worker_threads';
import { parseSnapshot, verifyOrder, type OrderPayload, type Snapshot } from '../engine/index.ts';
import { loadCatalogue } from './catalogue.ts';

/** A verification request to a worker, and its answer (the verdict without the price details). */
export interface VerifyJob {
  id: number;
  payload: OrderPayload;
  priceDates: string[];
  /** The feed's version to verify the promise on (none: no promise check). */
  snapshotVersion?: number;
  /** That version's document, sent once per version to each thread. */
  snapshotDocument?: unknown;
}

// Each worker loads the catalogue once and verifies with the same engine code as the main thread.
const catalogue = loadCatalogue((workerData as { catalogueDir: string }).catalogueDir);
// Tells the pool this thread is ready, so the server listens only once verification is warm.
parentPort!.postMessage({ ready: true });
let held: { version: number; snapshot: Snapshot } | undefined;
parentPort!.on('message', (job: VerifyJob) => {
  try {
    if (job.snapshotDocument !== undefined && job.snapshotVersion !== undefined)
      held = {
        version: job.snapshotVersion,
        snapshot: parseSnapshot(job.snapshotDocument, catalogue.models),
      };
    if (job.snapshotVersion !== undefined && held?.version !== job.snapshotVersion)
      throw new Error(`availability version ${job.snapshotVersion} was never sent to this thread`);
    const v = verifyOrder(
      catalogue.models,
      catalogue.pricing,
      job.snapshotVersion === undefined ? undefined : held!.snapshot,
      job.payload,
      { priceDates: job.priceDates },
    );
    parentPort!.postMessage({ id: job.id, status: v.status, differences: v.differences });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message });
  }
});
