/**
 * The shop app's value-extras file (`madeto-outlook.<hash>.js`): `createValueExtras` with the
 * core's `valueOutlook` (per value its price delta and availability badge, computed in idle time).
 * `build.ts` builds it as CommonJS whose `require` is the app's (`outlookModules.ts`) and wraps it
 * so that it hands its exports to the app through a `madeto-outlook` event on its own `<script>`
 * element.
 */
export { createValueExtras } from '../../react/panels/valueExtras.ts';
