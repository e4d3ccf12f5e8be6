import type { CompletionObjective, EnginePort } from '../../core/index.ts';
import type { EngineClient } from './EngineClient.ts';
import type { ValueCosts } from './engineOps.ts';

/**
 * The session's engine port over a widget's engine client (on the page or in the worker).
 * `costsFor` supplies the per-value costs "cheapest" and "fastest" rank by, read when the
 * buyer asks (until the engine's exact objectives replace them, see src/react/README.md).
 */
export function enginePort(
  client: EngineClient,
  costsFor: (objective: CompletionObjective) => ValueCosts | undefined,
): EnginePort {
  return {
    domainsNow: client.domainsNow,
    domains: (s) => client.domains(s),
    explain: (s, a, k) => client.explain(s, a, k),
    repair: (s, a, k, r) => client.repair(s, a, k, r),
    complete: (s, objective) => client.complete(s, objective, costsFor(objective)),
    reconcile: (s, r) => client.reconcile(s, r),
  };
}
