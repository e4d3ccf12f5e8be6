/**
 * What the picture file's build reads in place of `src/engine/index.ts` (`build.ts`):
 * `composeView`, and `evaluate` for the text alternative. The engine's index would bring its
 * schemas (module-level code the file must not run twice); `evaluate` the app hands over
 * (`sharedIds.ts`).
 */
// eslint-disable-next-line madeto/layer-entry -- a build-only stand-in for the engine index
export { composeView } from '../../engine/visuals/composeView.ts';
// eslint-disable-next-line madeto/layer-entry -- a build-only stand-in for the engine index
export { evaluate } from '../../engine/model/evaluate.ts';
