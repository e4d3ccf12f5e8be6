import { SolverError } from '../../engine/index.ts';
import type { SatSharedId } from './sharedIds.ts';

/** The app's modules the SAT fallback file asks for (`require(id)`), each the app's own instance. */
export const satModules: Readonly<Record<SatSharedId, object>> = {
  'src/engine/solver/SolverError.ts': { SolverError },
};
