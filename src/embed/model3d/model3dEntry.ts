/**
 * The shop app's 3D button file (`madeto-model3d.<hash>.js`): "View in 3D" and its viewer states.
 * `build.ts` builds it as CommonJS whose `require` is the app's (`model3dModules.ts`) and wraps it
 * so that it hands its exports to the app through a `madeto-model3d` event on its own `<script>`.
 */
export { ProductModel3D } from '../../react/components/ProductModel3D.tsx';
