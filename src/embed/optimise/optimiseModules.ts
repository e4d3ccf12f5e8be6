import Big from 'big.js';
import * as temporal from 'temporal-polyfill';
import { SolverError } from '../../engine/index.ts';
import type { OptimiseSharedId } from './sharedIds.ts';

/** The app's modules the optimiser file asks for (`require(id)`), each the app's own instance. */
export const optimiseModules: Readonly<Record<OptimiseSharedId, object>> = {
  'src/engine/solver/SolverError.ts': { SolverError },
  'temporal-polyfill': temporal,
  // The file's CommonJS interop reads a default import as the module itself (Node's way).
  'big.js': Big,
};
