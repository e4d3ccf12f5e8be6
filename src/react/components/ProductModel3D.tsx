import { useEffect, useRef, useState, type DetailedHTMLProps, type HTMLAttributes } from 'react';
import { model3dVariant, type Model3d, type Selection } from '../../engine/index.ts';
import { useMessages } from '../i18n/messages.ts';
import { loadModelViewer } from './loadModelViewer.ts';

/** The attributes of `<model-viewer>` this component sets (model-viewer 4). */
type ModelViewerAttributes = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
  src: string;
  alt: string;
  ar?: boolean;
  'ar-modes'?: string;
  'camera-controls'?: boolean;
  'touch-action'?: string;
  'variant-name'?: string;
  'interaction-prompt'?: string;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'model-viewer': ModelViewerAttributes;
    }
  }
}

/**
 * What the 3D view is doing: waiting for the buyer to ask for it, fetching the viewer or the
 * model, showing it, or failed.
 */
export type Model3dState = 'idle' | 'loading' | 'ready' | 'error';

/** Props of `<ProductModel3D>`. */
export interface ProductModel3DProps {
  /** The product's 3D model (its model document's `model3d`). */
  model3d: Model3d;
  /** The buyer's selection: picks the material variant (`model3d.variants`). */
  selection: Selection;
  /** Locale of the texts (default `en`). */
  locale?: string;
  /**
   * The label of a chosen value, for the text alternative ("…, shown in Walnut"); without it the
   * variant's name is used.
   */
  valueLabel?: (attribute: string, value: string) => string | undefined;
  /**
   * Loads `<model-viewer>` (default: its own lazily loaded chunk or file, `loadModelViewer`). A
   * rejection shows the error with a retry.
   */
  load?: () => Promise<void>;
  /**
   * Load at once instead of on the buyer's "View in 3D" (default false: the viewer's 280 kB and
   * the model download only for a buyer who asks).
   */
  autoStart?: boolean;
}

/** The `error` event's detail of `<model-viewer>`. */
interface ViewerErrorDetail {
  type?: string;
  sourceError?: unknown;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';

/**
 * The product in 3D, with `@google/model-viewer`, once the buyer asks for it ("View in 3D", or at
 * once with `autoStart`): orbit with mouse, touch or keyboard; on phones
 * that can, a "View in your room" button places it in AR (WebXR, Scene Viewer or Quick Look). The
 * selection switches the glTF's `KHR_materials_variants` variant. The viewer's code (three.js and
 * all, ≈ 280 kB gzipped) loads only then, so only for products that declare a `model3d` and only
 * for buyers who want it. Failures (viewer code, model file, WebGL) are shown with the reason and a retry.
 *
 * @example
 * {model.document.model3d && (
 *   <ProductModel3D model3d={model.document.model3d} selection={selection} locale="en" />
 * )}
 */
export function ProductModel3D({
  model3d,
  selection,
  locale = 'en',
  valueLabel,
  load = loadModelViewer,
  autoStart = false,
}: ProductModel3DProps) {
  const t = useMessages(locale);
  const [started, setStarted] = useState(autoStart);
  const [viewer, setViewer] = useState<'loading' | 'defined' | Error>('loading');
  const [model, setModel] = useState<'loading' | 'loaded' | Error>('loading');
  const [attempt, setAttempt] = useState(0);
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!started) return;
    let live = true;
    load().then(
      () => live && setViewer('defined'),
      (error: unknown) => live && setViewer(new Error(messageOf(error))),
    );
    return () => {
      live = false;
    };
  }, [load, attempt, started]);

  const defined = viewer === 'defined';
  useEffect(() => {
    const element = ref.current;
    if (!defined || !element) return;
    const loaded = () => setModel('loaded');
    const failed = (event: Event) => {
      const detail = (event as CustomEvent<ViewerErrorDetail | undefined>).detail;
      const why = detail?.sourceError ? messageOf(detail.sourceError) : (detail?.type ?? 'error');
      setModel(new Error(`${model3d.src}: ${why}`));
    };
    element.addEventListener('load', loaded);
    element.addEventListener('error', failed);
    return () => {
      element.removeEventListener('load', loaded);
      element.removeEventListener('error', failed);
    };
  }, [defined, model3d.src, attempt]);

  const shown = model3dVariant(model3d, selection);
  const alt = shown
    ? t('model3d.variant', {
        alt: model3d.alt,
        variant: valueLabel?.(shown.attribute, shown.value) ?? shown.variant,
      })
    : model3d.alt;
  const failure = viewer instanceof Error ? viewer : model instanceof Error ? model : undefined;
  const state: Model3dState = !started
    ? 'idle'
    : failure
      ? 'error'
      : defined && model === 'loaded'
        ? 'ready'
        : 'loading';

  const retry = () => {
    setViewer('loading');
    setModel('loading');
    setAttempt((n) => n + 1);
  };

  return (
    <div className="madeto-model3d" data-state={state} data-variant={shown?.variant}>
      {defined && !failure && (
        <model-viewer
          key={attempt}
          ref={ref}
          className="madeto-model3d-viewer"
          src={model3d.src}
          alt={alt}
          camera-controls
          touch-action="pan-y"
          interaction-prompt="none"
          {...(model3d.ar !== false && { ar: true, 'ar-modes': 'webxr scene-viewer quick-look' })}
          {...(shown && { 'variant-name': shown.variant })}
        >
          {model3d.ar !== false && (
            <button type="button" slot="ar-button" className="madeto-model3d-ar">
              {t('model3d.ar')}
            </button>
          )}
        </model-viewer>
      )}
      {state === 'idle' && (
        <div className="madeto-model3d-status">
          <button type="button" className="madeto-model3d-start" onClick={() => setStarted(true)}>
            {t('model3d.show')}
          </button>
        </div>
      )}
      {state === 'loading' && (
        <p className="madeto-model3d-status" role="status">
          {t('model3d.loading')}
        </p>
      )}
      {failure && (
        <div className="madeto-model3d-error" role="alert">
          <p>{t('model3d.error', { message: failure.message })}</p>
          <button type="button" onClick={retry}>
            {t('model3d.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
