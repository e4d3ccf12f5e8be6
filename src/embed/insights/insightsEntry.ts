/**
 * The shop app's insights file (`madeto-insights.<hash>.js`): the configuration event reporter
 * and the fetch of the "Popular with buyers" values. `build.ts` builds it as CommonJS whose
 * `require` is the app's and wraps it so that it hands its exports to the app through a
 * `madeto-insights` event on its own `<script>` element.
 */
// eslint-disable-next-line madeto/layer-entry -- the file holds the reporter alone, not core's index
export { createInsightReporter } from '../../core/insightReporter.ts';
export { fetchPopularHints } from '../../react/insights/fetchPopularHints.ts';
