import * as react from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import * as formField from '../../react/components/FormField.tsx';
import * as messages from '../../react/i18n/messages.ts';
import * as quoteSchema from '../../react/panels/quoteSchema.ts';
import * as sendUnavailable from '../../react/panels/SendUnavailable.tsx';
import { evaluate, PAYLOAD_VERSION, productionNeeds } from '../../engine/index.ts';
import * as panelEngine from '../../react/panels/panelEngine.ts';
import type { FormSharedId } from './sharedIds.ts';

/** The app's modules the form file asks for (`require(id)`), each the app's own instance. */
export const formModules: Readonly<Record<FormSharedId, object>> = {
  react,
  'react/jsx-runtime': jsxRuntime,
  'src/react/components/FormField.tsx': formField,
  'src/react/i18n/messages.ts': messages,
  'src/react/panels/quoteSchema.ts': quoteSchema,
  'src/react/panels/SendUnavailable.tsx': sendUnavailable,
  'src/react/panels/panelEngine.ts': panelEngine,
  'src/engine/model/evaluate.ts': { evaluate },
  'src/engine/orders/needs.ts': { productionNeeds },
  'src/engine/orders/schema.ts': { PAYLOAD_VERSION },
};
