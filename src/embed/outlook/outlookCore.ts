/**
 * What the value-extras file's build reads in place of `src/core/index.ts` (`build.ts`): its own
 * `valueOutlook` and the app's `plantToday` (`sharedIds.ts`).
 */
// eslint-disable-next-line madeto/layer-entry -- a build-only stand-in for the core's index
export { valueOutlook } from '../../core/valueOutlook.ts';
// eslint-disable-next-line madeto/layer-entry -- a build-only stand-in for the core's index
export { plantToday } from '../../core/outcomes.ts';
