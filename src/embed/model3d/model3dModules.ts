import * as react from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import * as viewer from '../../react/components/loadModelViewer.ts';
import * as messages from '../../react/i18n/messages.ts';
import { model3dVariant } from '../../engine/index.ts';
import type { Model3dSharedId } from './sharedIds.ts';

/** The app's modules the 3D button file asks for (`require(id)`), each the app's own instance. */
export const model3dModules: Readonly<Record<Model3dSharedId, object>> = {
  react,
  'react/jsx-runtime': jsxRuntime,
  'src/react/i18n/messages.ts': messages,
  'src/react/components/loadModelViewer.ts': viewer,
  'src/engine/index.ts': { model3dVariant },
};
