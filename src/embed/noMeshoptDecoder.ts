/**
 * What the embed's 3D viewer file has in place of three.js' meshopt decoder (`build.ts` aliases
 * it): the real one compiles WebAssembly as soon as it is imported, which a strict CSP without
 * 'wasm-unsafe-eval' refuses with a page error, although model-viewer only uses it for models
 * compressed with EXT_meshopt_compression (none of the catalogue's are). Such a model fails to
 * load with this message instead.
 */
export const MeshoptDecoder = {
  supported: false,
  ready: Promise.resolve(),
  decodeGltfBuffer(): never {
    throw new Error('models compressed with EXT_meshopt_compression are not supported here');
  },
};
