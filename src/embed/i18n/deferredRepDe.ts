import { repEn, type RepMessages } from '../../react/rep/i18n/en.ts';
import { deferredCatalogues } from './deferred.ts';

/**
 * What the rep app has in place of the rep mode's German catalogue (`src/react/rep/i18n/de.ts`,
 * swapped in by `build.ts`): filled by `loadCatalogue` from `madeto-rep-de.<hash>.js`.
 */
export const repDe = {} as RepMessages;
deferredCatalogues.set('repDe', { target: repDe, fallback: repEn });
