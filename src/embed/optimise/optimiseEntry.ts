/**
 * The apps' optimiser file (`madeto-optimise.<hash>.js`): the exact "Cheapest" / "Fastest"
 * completion (`optimalCompletion`: branch and bound over the diagram with the price and the
 * promise of each candidate). `build.ts` builds it as CommonJS whose `require` is the app's
 * (`optimiseModules.ts`) and wraps it so that it hands its exports to the app through a
 * `madeto-optimise` event on its own `<script>` element.
 */
// eslint-disable-next-line madeto/layer-entry -- the file holds the search alone, not the engine's index
export { optimalCompletion } from '../../engine/optimize/optimalCompletion.ts';
