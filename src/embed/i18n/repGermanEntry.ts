/**
 * The rep app's German file (`madeto-rep-de.<hash>.js`): the widget's German catalogue and the rep
 * mode's, handed over like `germanEntry.ts`.
 */
import { de } from '../../react/i18n/de.ts';
import { repDe } from '../../react/rep/i18n/de.ts';

document.currentScript?.dispatchEvent(
  new CustomEvent('madeto-catalogue', { detail: { de, repDe } }),
);
