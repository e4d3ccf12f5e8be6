import * as react from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import {
  _default,
  array,
  boolean,
  email,
  enum as enumOf,
  literal,
  maxLength,
  minLength,
  minimum,
  number,
  optional,
  positive,
  refine,
  regex,
  strictObject,
  string,
  trim,
} from 'zod/mini';
import * as formField from '../../react/components/FormField.tsx';
import * as messages from '../../react/i18n/messages.ts';
import * as quoteSchema from '../../react/panels/quoteSchema.ts';
import * as sendUnavailable from '../../react/panels/SendUnavailable.tsx';
import * as outboxStorage from '../../react/submit/outboxStorage.ts';
import { SubmitError } from '../../react/submit/SubmitError.ts';
import { evaluate, isInstant, jsonPath } from '../../engine/index.ts';
// The order payload's schema (`orders/schema.ts`, the form file's own) is built from these.
/* eslint-disable madeto/layer-entry -- build-only wiring of the form file's schema */
import {
  idSchema,
  LIMITS,
  optionalSelectionRecord,
  quantitySchema,
  uniqueLineIds,
} from '../../engine/limits.ts';
import { currencySchema, dateSchema, decimalSchema } from '../../engine/pricing/schema.ts';
/* eslint-enable madeto/layer-entry */
// The production needs (`orders/needs.ts`, the form file's own) explode the BOM as the promise does.
// eslint-disable-next-line madeto/layer-entry -- build-only wiring of the form file's needs
import { explode, roundNeed } from '../../engine/leadtime/explode.ts';
import * as panelEngine from '../../react/panels/panelEngine.ts';
import type { FORM_ZOD_MEMBERS, FormSharedId } from './sharedIds.ts';

/**
 * The app's `z` as the form file sees it: the functions it calls (`FORM_ZOD_MEMBERS`), named one
 * by one (a namespace object would keep all of zod in the app).
 */
const z: Record<(typeof FORM_ZOD_MEMBERS)[number], unknown> = {
  _default,
  array,
  boolean,
  email,
  enum: enumOf,
  literal,
  maxLength,
  minLength,
  minimum,
  number,
  optional,
  positive,
  refine,
  regex,
  strictObject,
  string,
  trim,
};

/** The app's modules the form file asks for (`require(id)`), each the app's own instance. */
export const formModules: Readonly<Record<FormSharedId, object>> = {
  react,
  'react/jsx-runtime': jsxRuntime,
  'src/react/components/FormField.tsx': formField,
  'src/react/i18n/messages.ts': messages,
  'src/react/panels/quoteSchema.ts': quoteSchema,
  'src/react/panels/SendUnavailable.tsx': sendUnavailable,
  'src/react/panels/panelEngine.ts': panelEngine,
  'src/react/submit/SubmitError.ts': { SubmitError },
  'src/react/submit/outboxStorage.ts': outboxStorage,
  'src/engine/model/evaluate.ts': { evaluate },
  'src/engine/leadtime/explode.ts': { explode, roundNeed },
  // zod/mini with its English messages loaded (the app's `src/engine/zod.ts` loaded them).
  'src/engine/zod.ts': { z },
  'src/engine/model/jsonPath.ts': { jsonPath },
  'src/engine/leadtime/time.ts': { isInstant },
  'src/engine/limits.ts': {
    idSchema,
    LIMITS,
    optionalSelectionRecord,
    quantitySchema,
    uniqueLineIds,
  },
  'src/engine/pricing/schema.ts': { currencySchema, dateSchema, decimalSchema },
};
