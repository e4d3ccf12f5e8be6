/**
 * The embed's 3D viewer file (`madeto-model-viewer.<hash>.js`, built by `build.ts`): defines
 * `<model-viewer>` (with three.js) when it runs. The apps add it as a script (loadModelViewer.ts)
 * only when a widget shows a product that declares a `model3d`; shops without 3D never fetch it.
 */
import '@google/model-viewer';
