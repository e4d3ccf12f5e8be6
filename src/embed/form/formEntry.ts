/**
 * The shop app's quote form file (`madeto-form.<hash>.js`): the form with react-hook-form and its
 * zod resolver, the quote request's payload builder (`quotePayload`: the engine's
 * `buildOrderPayload` with the model hash and the line's picture), and what sends it (the outbox,
 * with the order payload's schema it checks stored entries with, and the http and event
 * adapters): only the
 * form sends. `build.ts` builds it as CommonJS whose `require` is the app's (`formModules.ts`:
 * React and the app modules it shares) and wraps it so that it hands its exports to the app
 * through a `madeto-form` event on its own `<script>` element (no global); see `loadQuoteForm`.
 */
export { QuoteForm } from '../../react/panels/QuoteForm.tsx';
export { newIdempotencyKey, quotePayload } from '../../react/panels/quotePayload.ts';
export { createOutbox } from '../../react/submit/outbox.ts';
export { createHttpAdapter } from '../../react/submit/httpAdapter.ts';
export { createEventAdapter } from '../../react/submit/eventAdapter.ts';
