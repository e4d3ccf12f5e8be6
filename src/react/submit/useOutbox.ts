import { useEffect, useState } from 'react';
import type { OrderPayload } from '../../engine/index.ts';
import { createOutbox, type Outbox, type ResumeOutcome } from './outbox.ts';
import type { OutboxStorage, SubmitAck, SubmitAdapter } from './types.ts';

/** Options of `useOutbox` (and `useSubmitOrder`). */
export interface UseOutboxOptions {
  adapter: SubmitAdapter;
  /** Default: `window.localStorage` when available. */
  storage?: OutboxStorage;
  namespace?: string;
  /** Called with what became of the payloads resumed on mount and when the browser is back online. */
  onResumed?: (outcomes: ResumeOutcome[]) => void;
}

/** The adapter and callback of the last render, read when a send starts (not during render). */
class Latest {
  constructor(
    private currentAdapter: SubmitAdapter,
    private onResumed: ((outcomes: ResumeOutcome[]) => void) | undefined,
  ) {}
  update(adapter: SubmitAdapter, onResumed: ((outcomes: ResumeOutcome[]) => void) | undefined) {
    this.currentAdapter = adapter;
    this.onResumed = onResumed;
  }
  adapter(payload: OrderPayload, signal?: AbortSignal): Promise<SubmitAck> {
    return this.currentAdapter(payload, signal);
  }
  resumed(outcomes: ResumeOutcome[]): void {
    this.onResumed?.(outcomes);
  }
}

function defaultStorage(): OutboxStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined; // storage blocked (privacy settings, sandboxed frame)
  }
}

/**
 * A widget's outbox (`createOutbox`) for as long as the component lives: every payload sent with
 * `submit` is stored, sent with the latest `adapter` and removed on acknowledgement; on mount and
 * on `online` it resumes what an earlier page left unsent.
 *
 * @example
 * const outbox = useOutbox({ adapter: createHttpAdapter({ url: '/api/orders' }) });
 * await outbox.submit(payload); // { number: 'O-2026-000042', … }
 */
export function useOutbox(options: UseOutboxOptions): Outbox {
  // The latest adapter and callback are read at send time.
  const [{ outbox, latest }] = useState(() => {
    const latest = new Latest(options.adapter, options.onResumed);
    return {
      latest,
      outbox: createOutbox({
        adapter: (payload, signal) => latest.adapter(payload, signal),
        storage: options.storage ?? defaultStorage(),
        ...(options.namespace !== undefined && { namespace: options.namespace }),
      }),
    };
  });
  useEffect(() => latest.update(options.adapter, options.onResumed));
  useEffect(() => {
    let live = true;
    const resume = () =>
      void outbox.resume().then((outcomes) => {
        if (live && outcomes.length > 0) latest.resumed(outcomes);
      });
    resume();
    window.addEventListener('online', resume);
    return () => {
      live = false;
      window.removeEventListener('online', resume);
    };
  }, [outbox, latest]);
  return outbox;
}
