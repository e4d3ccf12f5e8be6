import type { Outbox, OutboxOptions } from '../../react/submit/outbox.ts';
import { outboxPrefix, storedKeys } from '../../react/submit/outboxStorage.ts';
import { SubmitError } from '../../react/submit/SubmitError.ts';
import { formFile } from './loadQuoteForm.ts';

// Type-only, so erased: in the shop app `react/submit` re-exports this file's.
export type { Outbox, OutboxOptions, ResumeOutcome } from '../../react/submit/outbox.ts';

/** The real `createOutbox`, from wherever it comes (the quote form's file in the shop app). */
export type CreateOutbox = (options: OutboxOptions) => Outbox;

/**
 * What the shop app has in place of `src/react/submit/outbox.ts` (swapped in by `build.ts`): the
 * same outbox, whose code (and the order payload's schema it checks stored entries with) comes
 * with the quote form's file. Only the form sends, so a `submit` finds the file there. `resume`
 * (on mount, on `online`) reads only the storage's keys: with nothing stored, as on almost every
 * page, it is answered at once and nothing is fetched; with something stored, it fetches the file
 * and resumes on the real outbox.
 *
 * @example
 * const outbox = createOutbox({ adapter, storage: localStorage, namespace: 'madeto:DESK' });
 * await outbox.resume(); // [] without a fetch when nothing was left unsent
 */
export function createOutbox(options: OutboxOptions): Outbox {
  return deferredOutbox(options, () => formFile.load().then((file) => file.createOutbox));
}

/**
 * `createOutbox` over any loader of the real one (`load`, asked at most once at a time; a failed
 * load is asked again by the next call). A send whose code does not load rejects with a retryable
 * `SubmitError` (`network`), as a send that did not reach the backend does.
 *
 * @example
 * const outbox = deferredOutbox({ adapter, storage: localStorage }, () => import('./outbox.ts').then((m) => m.createOutbox));
 */
export function deferredOutbox(options: OutboxOptions, load: () => Promise<CreateOutbox>): Outbox {
  let real: Outbox | undefined;
  const outbox = (): Promise<Outbox> =>
    real
      ? Promise.resolve(real)
      : load().then(
          (create) => (real ??= create(options)),
          (error: unknown) => {
            throw new SubmitError(
              'network',
              error instanceof Error ? error.message : String(error),
            );
          },
        );
  const stored = () => storedKeys(options.storage, outboxPrefix(options.namespace)).length > 0;
  return {
    submit: (payload) => outbox().then((o) => o.submit(payload)),
    resume: () => (real || stored() ? outbox().then((o) => o.resume()) : Promise.resolve([])),
    pending: () => {
      if (real) return real.pending();
      if (stored()) throw new Error('the outbox file has not run yet: resume() first');
      return [];
    },
  };
}
