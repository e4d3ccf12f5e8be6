/**
 * The modules the shop app's quote form file (`madeto-form.<hash>.js`) takes from the app instead
 * of bundling its own copy: React (one React per page, or its hooks break), the JSX runtime, and
 * the app modules the form shares with it (the messages with their German catalogue, the field,
 * the schema, `SubmitError`, whose class the app's panels test failures against, and the engine
 * modules the order payload's schema is built from). Bare package names, or file paths from the
 * repository's root. `build.ts` leaves them out of the form file; `formModules.ts` hands them over.
 */
export const FORM_SHARED_IDS = [
  'react',
  'react/jsx-runtime',
  'src/react/components/FormField.tsx',
  'src/react/i18n/messages.ts',
  'src/react/panels/quoteSchema.ts',
  'src/react/panels/SendUnavailable.tsx',
  'src/react/panels/panelEngine.ts',
  'src/react/submit/SubmitError.ts',
  'src/react/submit/outboxStorage.ts',
  'src/engine/model/evaluate.ts',
  'src/engine/leadtime/explode.ts',
  'src/engine/zod.ts',
  'src/engine/model/jsonPath.ts',
  'src/engine/leadtime/time.ts',
  'src/engine/limits.ts',
  'src/engine/pricing/schema.ts',
] as const;

/**
 * The zod functions the form file may call on the app's `z` (`src/engine/zod.ts`, handed over
 * with these only, so that the app keeps what it uses of zod and no more): those the order
 * payload's schema is built with. `build.ts` fails the build if the file calls another.
 */
export const FORM_ZOD_MEMBERS = [
  '_default',
  'array',
  'boolean',
  'email',
  'enum',
  'literal',
  'maxLength',
  'minLength',
  'minimum',
  'number',
  'optional',
  'positive',
  'refine',
  'regex',
  'strictObject',
  'string',
  'trim',
] as const;

/** One of `FORM_SHARED_IDS`. */
export type FormSharedId = (typeof FORM_SHARED_IDS)[number];
