/**
 * The shop app's picture file (`madeto-preview.<hash>.js`): the live picture with `composeView`.
 * `build.ts` builds it as CommonJS whose `require` is the app's (`previewModules.ts`) and wraps it
 * so that it hands its exports to the app through a `madeto-preview` event on its own `<script>`.
 */
export { ProductPreview } from '../../react/preview/ProductPreview.tsx';
