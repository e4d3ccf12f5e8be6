/**
 * What the quote form file's build reads in place of `src/engine/index.ts` (`build.ts` redirects
 * it): only `buildOrderPayload`, which `quotePayload` needs and the form file brings along (with
 * the model hash and the line's picture); the rest of the engine it takes from the app.
 */
// eslint-disable-next-line madeto/layer-entry -- a build-only stand-in for the engine index
export { buildOrderPayload } from '../../engine/orders/buildOrder.ts';
