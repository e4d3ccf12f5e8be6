/**
 * What the quote form file's build reads in place of `src/engine/index.ts` (`build.ts` redirects
 * it): `buildOrderPayload`, which `quotePayload` needs (with the model hash and the line's
 * picture), and `parseOrderPayload`, which the outbox checks stored entries with; the form file
 * brings both along, and takes the rest of the engine from the app.
 */
// eslint-disable-next-line madeto/layer-entry -- a build-only stand-in for the engine index
export { buildOrderPayload } from '../../engine/orders/buildOrder.ts';
// eslint-disable-next-line madeto/layer-entry -- a build-only stand-in for the engine index
export { parseOrderPayload } from '../../engine/orders/schema.ts';
