import * as react from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import * as summary from '../../react/components/SelectionSummary.tsx';
import { useAfterPaint } from '../../react/components/useAfterPaint.ts';
import * as widget from '../../react/components/WidgetContext.tsx';
import { evaluate } from '../../engine/index.ts';
import type { PreviewSharedId } from './sharedIds.ts';

/** The app's modules the picture file asks for (`require(id)`), each the app's own instance. */
export const previewModules: Readonly<Record<PreviewSharedId, object>> = {
  react,
  'react/jsx-runtime': jsxRuntime,
  'src/react/components/WidgetContext.tsx': widget,
  'src/react/components/SelectionSummary.tsx': summary,
  'src/react/components/useAfterPaint.ts': { useAfterPaint },
  'src/engine/model/evaluate.ts': { evaluate },
};
