import * as temporal from 'temporal-polyfill';
import { optionDeltas, priceDeltaPerUnit, promise } from '../../engine/index.ts';
import { plantToday } from '../../core/index.ts';
import { formatDelta } from '../../react/i18n/format.ts';
import { translator } from '../../react/i18n/messages.ts';
import { nowInstant } from '../../react/panels/clock.ts';
import { lineOf } from '../../react/panels/panelEngine.ts';
import type { OutlookSharedId } from './sharedIds.ts';

/** The app's modules the value-extras file asks for (`require(id)`), each the app's own instance. */
export const outlookModules: Readonly<Record<OutlookSharedId, object>> = {
  'src/engine/pricing/optionDeltas.ts': { optionDeltas, priceDeltaPerUnit },
  'src/engine/leadtime/promise.ts': { promise },
  'src/core/outcomes.ts': { plantToday },
  'src/react/panels/panelEngine.ts': { lineOf },
  'src/react/panels/clock.ts': { nowInstant },
  'src/react/i18n/format.ts': { formatDelta },
  'src/react/i18n/messages.ts': { translator },
  'temporal-polyfill': temporal,
};
