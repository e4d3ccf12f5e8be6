/**
 * What the value-extras file's build reads in place of `src/engine/index.ts` (`build.ts`): the
 * price deltas and the promise, both handed over by the app (`sharedIds.ts`); the engine's index
 * would bring its schemas (module-level code the file must not run twice).
 */
// eslint-disable-next-line madeto/layer-entry -- a build-only stand-in for the engine index
export { optionDeltas, priceDeltaPerUnit } from '../../engine/pricing/optionDeltas.ts';
// eslint-disable-next-line madeto/layer-entry -- a build-only stand-in for the engine index
export { promise } from '../../engine/leadtime/promise.ts';
