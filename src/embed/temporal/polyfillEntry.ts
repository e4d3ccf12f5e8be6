/**
 * The entry of `temporal-polyfill.<hash>.js`: installs the polyfill as `globalThis.Temporal` (a
 * no-op where the browser has it). Fetched by the loader, or by the app, only when needed.
 */
import 'temporal-polyfill/global';
