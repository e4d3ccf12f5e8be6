/**
 * What the insights file's build reads in place of `src/engine/index.ts` (`build.ts`): only
 * `dayOf`, which the app hands over (`sharedIds.ts`); the index would bring the engine's schemas.
 */
// eslint-disable-next-line madeto/layer-entry -- a build-only stand-in for the engine index
export { dayOf } from '../../engine/leadtime/time.ts';
