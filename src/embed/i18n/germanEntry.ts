/**
 * The shop app's German file (`madeto-de.<hash>.js`, an IIFE): hands the catalogue to the app
 * through a `madeto-catalogue` event on its own `<script>` element (no global); see
 * `loadCatalogue`.
 */
import { de } from '../../react/i18n/de.ts';

document.currentScript?.dispatchEvent(new CustomEvent('madeto-catalogue', { detail: { de } }));
