import { useEffect, useMemo, useState } from 'react';
import type { Selection, Domains } from '../../engine/index.ts';
import type { EngineClient } from './EngineClient.ts';

/** The domains for the current selection; `pending` while a worker answer is on its way. */
export interface DomainsState {
  domains: Domains | undefined;
  pending: boolean;
  error: Error | undefined;
}

/**
 * Derives the domains of `selection` — never stored. On the page they are computed during render;
 * from a worker the previous domains stay on screen (marked pending) until the answer for the
 * newest selection arrives, and older answers are ignored.
 */
export function useDomains(client: EngineClient, selection: Selection): DomainsState {
  const now = useMemo((): DomainsState | undefined => {
    if (!client.domainsNow) return undefined;
    try {
      return { domains: client.domainsNow(selection), pending: false, error: undefined };
    } catch (error) {
      return {
        domains: undefined,
        pending: false,
        error: error instanceof Error ? error : new Error(String(error)),
      };
    }
  }, [client, selection]);
  const [answer, setAnswer] = useState<{
    selection: Selection;
    domains?: Domains;
    error?: Error;
  }>();
  useEffect(() => {
    if (client.domainsNow) return;
    let current = true;
    client.domains(selection).then(
      (domains) => current && setAnswer({ selection, domains }),
      (error: unknown) =>
        current &&
        setAnswer({
          selection,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
    return () => {
      current = false;
    };
  }, [client, selection]);
  if (now) return now;
  return {
    domains: answer?.domains,
    pending: answer?.selection !== selection,
    error: answer?.error,
  };
}
