/**
 * Loads `@google/model-viewer` (and three.js under it) on demand: only a product that declares a
 * `model3d` pays for it. Unbundled (Vite, Storybook, the npm library) it is a dynamic import, its own
 * chunk; the embed apps are single IIFE files, so `build.ts` builds the viewer as its own file
 * (`madeto-model-viewer.<hash>.js`, named here by `__MADETO_MODEL_VIEWER__`) which this adds as a
 * script beside the app, with the app's CSP nonce.
 */
declare const __MADETO_MODEL_VIEWER__: string | undefined;

const FILE = typeof __MADETO_MODEL_VIEWER__ === 'string' ? __MADETO_MODEL_VIEWER__ : undefined;

// The app's own script (read while it runs), whose nonce the viewer's script gets.
const appScript =
  typeof document === 'undefined' ? null : (document.currentScript as HTMLScriptElement | null);

let loading: Promise<void> | undefined;

/**
 * Resolves once `<model-viewer>` is defined; rejects with a readable error when its code could not
 * be loaded (a later call tries again).
 *
 * @example
 * await loadModelViewer(); // customElements.get('model-viewer') is now defined
 */
export function loadModelViewer(): Promise<void> {
  if (customElements.get('model-viewer')) return Promise.resolve();
  loading ??= (FILE === undefined ? importViewer() : addScript(FILE)).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function importViewer(): Promise<void> {
  await import('@google/model-viewer');
}

function addScript(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(file, import.meta.url).href;
    if (appScript?.nonce) script.nonce = appScript.nonce;
    script.onload = () =>
      customElements.get('model-viewer')
        ? resolve()
        : reject(new Error(`${script.src} ran but defined no <model-viewer>`));
    script.onerror = () => reject(new Error(`${script.src} could not be loaded`));
    document.head.append(script);
  });
}
