import { en, type Messages } from '../../react/i18n/en.ts';
import { deferredCatalogues } from './deferred.ts';

/**
 * What the embed apps have in place of the German catalogue (`src/react/i18n/de.ts`, swapped in by
 * `build.ts`): an empty object that `loadCatalogue` fills from `madeto-de.<hash>.js` before a
 * German widget renders, so shops in other languages do not download German.
 */
export const de = {} as Messages;
deferredCatalogues.set('de', { target: de, fallback: en });
