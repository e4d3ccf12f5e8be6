/**
 * The app build's stand-in for `temporal-polyfill` (a Vite alias in `build.ts`, app only: the npm
 * library and Node keep the real package). Browsers that ship `Temporal` use it natively; the
 * others get the polyfill as its own file, fetched before the app starts (`ensureTemporal`, the
 * loader). Reads `globalThis.Temporal` on each use, since the app's modules are evaluated before
 * the polyfill can have arrived.
 */
import type { Temporal as TemporalSpec } from 'temporal-polyfill';

type TemporalApi = typeof TemporalSpec;

/** `globalThis.Temporal`, or `undefined` when this browser has none (and no polyfill ran). */
export function globalTemporal(): TemporalApi | undefined {
  return (globalThis as { Temporal?: TemporalApi }).Temporal;
}

function required(): TemporalApi {
  const temporal = globalTemporal();
  if (temporal) return temporal;
  const error = new Error(
    'Temporal is not available: this browser has no native Temporal and the polyfill did not run',
  );
  throw Object.assign(error, { code: 'TEMPORAL_MISSING' });
}

/** `Temporal`, as the engine and the widget import it (`import { Temporal } from 'temporal-polyfill'`). */
export const Temporal: TemporalApi = new Proxy({} as TemporalApi, {
  get: (_target, key) => Reflect.get(required(), key) as unknown,
});
