/**
 * The modules the shop app's 3D button file (`madeto-model3d.<hash>.js`) takes from the app
 * instead of bundling its own copy: React, the JSX runtime, the messages, the engine's
 * `model3dVariant` and the viewer's loader (which knows `madeto-model-viewer.<hash>.js`), all in
 * the app anyway. `build.ts` leaves them out of the file; `model3dModules.ts` hands them over.
 */
export const MODEL3D_SHARED_IDS = [
  'react',
  'react/jsx-runtime',
  'src/react/i18n/messages.ts',
  'src/react/components/loadModelViewer.ts',
  'src/engine/index.ts',
] as const;

/** One of `MODEL3D_SHARED_IDS`. */
export type Model3dSharedId = (typeof MODEL3D_SHARED_IDS)[number];
