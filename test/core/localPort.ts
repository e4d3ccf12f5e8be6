import type { EnginePort } from '../../src/core/index.ts';
import {
  compile,
  complete,
  domains,
  explain,
  parseModel,
  parsePricing,
  parseSnapshot,
  reconcileSelection,
  repair,
  type ProductModel,
} from '../../src/engine/index.ts';
import type { SessionData } from '../../src/core/index.ts';
import availabilityJson from '../../public/catalogue/availability.json';
import bikeJson from '../../public/catalogue/bike.json';
import deskJson from '../../public/catalogue/desk.json';
import pricingJson from '../../public/catalogue/pricing.json';
import sofaJson from '../../public/catalogue/sofa.json';

/** The sample catalogue's models, parsed once. */
export const catalogue = {
  desk: parseModel(deskJson),
  bike: parseModel(bikeJson),
  sofa: parseModel(sofaJson),
};

/** The sample catalogue's pricing and availability, as a session's data. */
export const catalogueData: SessionData = {
  pricing: { state: 'ready', value: parsePricing(pricingJson) },
  snapshot: { state: 'ready', value: parseSnapshot(availabilityJson) },
};

/** One instant for the tests' clock. */
export const NOW = '2026-12-07T09:00:00Z';

/**
 * A real engine port over `model` on this thread (the widget's same-thread client does the same);
 * `async: true` leaves out `domainsNow` and answers a macrotask later, as a worker does.
 */
export function localPort(model: ProductModel, { async = false } = {}): EnginePort {
  const compiled = compile(model);
  const later = <T>(f: () => T) =>
    new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(f());
        } catch (error) {
          reject(error as Error);
        }
      }, 0),
    );
  const run = async ? later : <T>(f: () => T) => Promise.resolve().then(f);
  return {
    ...(async ? {} : { domainsNow: (s) => domains(compiled, s) }),
    domains: (s) => run(() => domains(compiled, s)),
    explain: (s, a, k) => run(() => explain(compiled, s, a, k)),
    repair: (s, a, k, r) => run(() => repair(compiled, s, a, k, r)),
    complete: (s) => run(() => complete(compiled, s)),
    reconcile: (s, r) => run(() => reconcileSelection(compiled, s, r)),
  };
}
