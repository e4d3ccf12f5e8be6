import type { EnginePort, SessionData } from '../../core/index.ts';
import type { EngineClient } from './EngineClient.ts';

/**
 * The session's engine port over a widget's engine client (on the page or in the worker).
 * "Cheapest" and "Fastest" are the engine's exact `optimalCompletion`: the port adds the
 * session's documents (`dataFor`, read when the buyer asks: the parsed pricing and snapshot, the
 * customer and currency) to the session's quantity and clock, so the worker receives them with
 * the call.
 */
export function enginePort(client: EngineClient, dataFor: () => SessionData): EnginePort {
  return {
    domainsNow: client.domainsNow,
    domains: (s) => client.domains(s),
    explain: (s, a, k) => client.explain(s, a, k),
    repair: (s, a, k, r) => client.repair(s, a, k, r),
    complete: (s, objective, context) => {
      if (objective === 'defaults') return client.complete(s, objective, context);
      const data = dataFor();
      const pricing = data.pricing.state === 'ready' ? data.pricing.value : undefined;
      return client.complete(s, objective, {
        ...context,
        customerId: data.customerId,
        ...(pricing && { pricing, currency: data.currency ?? pricing.baseCurrency }),
        ...(data.snapshot.state === 'ready' && { snapshot: data.snapshot.value }),
      });
    },
    reconcile: (s, r) => client.reconcile(s, r),
  };
}
