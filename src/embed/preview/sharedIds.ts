/**
 * The modules the shop app's picture file (`madeto-preview.<hash>.js`) takes from the app instead
 * of bundling its own copy: React, the JSX runtime, the widget's context (one context, or the
 * picture sees no widget), the summary's `describeValue`, `useAfterPaint` and the engine's `evaluate`
 * (all in the app anyway). `build.ts` leaves them out of the file; `previewModules.ts` hands them over.
 */
export const PREVIEW_SHARED_IDS = [
  'react',
  'react/jsx-runtime',
  'src/react/components/WidgetContext.tsx',
  'src/react/components/SelectionSummary.tsx',
  'src/react/components/useAfterPaint.ts',
  'src/engine/model/evaluate.ts',
] as const;

/** One of `PREVIEW_SHARED_IDS`. */
export type PreviewSharedId = (typeof PREVIEW_SHARED_IDS)[number];
