import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { OrderPayload } from '../../engine/index.ts';
import type { Outbox } from './outbox.ts';
import type { SubmitError } from './SubmitError.ts';
import type { SubmitAck } from './types.ts';
import { useOutbox, type UseOutboxOptions } from './useOutbox.ts';

/** Options of `useSubmitOrder`: those of `useOutbox`. */
export type UseSubmitOrderOptions = UseOutboxOptions;

/**
 * The widget's submit mutation (react-query) over `useOutbox`: every payload goes through the
 * outbox (stored, sent with the adapter, removed on acknowledgement). On mount and on `online` it
 * resumes what an earlier page left unsent. The mutation's error is a `SubmitError`: `retryable`
 * ones are still in the outbox ("saved, will be sent"), others were refused by the backend
 * (`body` says why).
 *
 * @example
 * const submit = useSubmitOrder({ adapter: createHttpAdapter({ url: '/api/orders' }) });
 * submit.mutate(payload); // submit.data?.number once acknowledged
 */
export function useSubmitOrder(
  options: UseSubmitOrderOptions,
): UseMutationResult<SubmitAck, SubmitError, OrderPayload> & { outbox: Outbox } {
  const outbox = useOutbox(options);
  const mutation = useMutation<SubmitAck, SubmitError, OrderPayload>({
    mutationKey: ['madeto', 'submit', options.namespace ?? 'default'],
    mutationFn: (payload) => outbox.submit(payload),
    retry: false, // the adapter retries; the outbox keeps what still failed
  });
  return { ...mutation, outbox };
}
