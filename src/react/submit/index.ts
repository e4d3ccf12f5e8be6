/** Submitting orders and quote requests: adapters, the outbox, the react-query hook. */
export { createHttpAdapter } from './httpAdapter.ts';
export type { HttpAdapterOptions } from './httpAdapter.ts';
export { createCallbackAdapter } from './callbackAdapter.ts';
export { createEventAdapter, SUBMIT_EVENT } from './eventAdapter.ts';
export type { SubmitEventDetail } from './eventAdapter.ts';
export { createOutbox } from './outbox.ts';
export type { Outbox, OutboxOptions, ResumeOutcome } from './outbox.ts';
export { SubmitError } from './SubmitError.ts';
export type { SubmitFailure } from './SubmitError.ts';
export type { SubmitAck, SubmitAdapter, OutboxStorage } from './types.ts';
export { useOutbox } from './useOutbox.ts';
export type { UseOutboxOptions } from './useOutbox.ts';
export { useSubmitOrder } from './useSubmitOrder.ts';
export type { UseSubmitOrderOptions } from './useSubmitOrder.ts';
