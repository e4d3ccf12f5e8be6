/**
 * The modules the shop app's quote form file (`madeto-form.<hash>.js`) takes from the app instead
 * of bundling its own copy: React (one React per page, or its hooks break), the JSX runtime, and
 * the app modules the form shares with it (the messages with their German catalogue, the field,
 * the schema). Bare package names, or file paths from the repository's root. `build.ts` leaves them
 * out of the form file; `formModules.ts` hands them over.
 */
export const FORM_SHARED_IDS = [
  'react',
  'react/jsx-runtime',
  'src/react/components/FormField.tsx',
  'src/react/i18n/messages.ts',
  'src/react/panels/quoteSchema.ts',
  'src/react/panels/SendUnavailable.tsx',
  'src/react/panels/panelEngine.ts',
  'src/engine/model/evaluate.ts',
  'src/engine/orders/needs.ts',
  'src/engine/orders/schema.ts',
] as const;

/** One of `FORM_SHARED_IDS`. */
export type FormSharedId = (typeof FORM_SHARED_IDS)[number];
