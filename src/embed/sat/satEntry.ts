/**
 * The apps' SAT fallback file (`madeto-sat.<hash>.js`): the exact engine of a model whose decision
 * diagram passes the node limit, answered on the page (issue 17). `build.ts` builds it as CommonJS
 * whose `require` is the app's (`satModules.ts`) and wraps it so that it hands its exports to the
 * app through a `madeto-sat` event on its own `<script>` element.
 */
// eslint-disable-next-line madeto/layer-entry -- the file holds the fallback alone, not the engine's index
export { satFallbackEngine } from '../../engine/sat/createConfiguratorEngine.ts';
