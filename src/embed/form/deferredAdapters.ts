import type { HttpAdapterOptions } from '../../react/submit/httpAdapter.ts';
import type { SubmitAdapter } from '../../react/submit/types.ts';
import { formFile, type FormFile } from './loadQuoteForm.ts';

// Type-only, so erased.
export type { HttpAdapterOptions } from '../../react/submit/httpAdapter.ts';
export type { SubmitEventDetail } from '../../react/submit/eventAdapter.ts';

/** An adapter whose code comes with the quote form's file: made there on its first send. */
function deferredAdapter(make: (file: FormFile) => SubmitAdapter): SubmitAdapter {
  let real: SubmitAdapter | undefined;
  return (payload, signal) =>
    formFile.load().then((file) => (real ??= make(file))(payload, signal));
}

/**
 * What the shop app has in place of `src/react/submit/httpAdapter.ts` (swapped in by `build.ts`):
 * the same adapter, whose code comes with the quote form's file. Only the outbox calls it, and
 * the outbox's code comes with that file too, so a call finds it there.
 *
 * @example
 * const send = createHttpAdapter({ url: '/api/quotes' });
 * await send(payload); // { number: 'SHOP-0042', response: { … } }
 */
export function createHttpAdapter(options: HttpAdapterOptions): SubmitAdapter {
  return deferredAdapter((file) => file.createHttpAdapter(options));
}

/**
 * What the shop app has in place of `src/react/submit/eventAdapter.ts` (swapped in by `build.ts`):
 * the same adapter (a `madeto-submit` event the host answers), whose code comes with the quote
 * form's file, like the outbox that calls it.
 *
 * @example
 * const send = createEventAdapter(widgetElement);
 */
export function createEventAdapter(
  target: EventTarget,
  options: { type?: string; timeoutMs?: number } = {},
): SubmitAdapter {
  return deferredAdapter((file) => file.createEventAdapter(target, options));
}
