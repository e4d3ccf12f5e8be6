import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { composeView, type ComposedView } from '../../engine/index.ts';
import { describeValue } from '../components/SelectionSummary.tsx';
import { useAfterPaint } from '../components/useAfterPaint.ts';
import { useWidget } from '../components/WidgetContext.tsx';
import { allLoaded, loadAll } from './imageCache.ts';
import { peekSelection, pictureSelection } from './peekStore.ts';
import { previewText } from './previewText.ts';

/** One drawn composition; a newer one fades in over the one before. */
interface Frame {
  id: number;
  composed: ComposedView;
}

/** How long a new picture takes to fade in (the CSS animation's duration, plus a margin). */
const FADE_MS = 260;

/** A composition's identity: the same layers in the same boxes draw the same picture. */
function signature(c: ComposedView): string {
  return c.layers
    .map((l) => `${l.key}|${l.image}|${l.x}|${l.y}|${l.width}|${l.height}|${l.tint ?? ''}`)
    .join(';');
}

/** The box of a layer in per cent of the stage (the picture scales with its slot). */
function boxStyle(c: ComposedView, i: number): CSSProperties {
  const l = c.layers[i]!;
  const { width, height } = c.view;
  const style: CSSProperties = {
    left: `${(l.x / width) * 100}%`,
    top: `${(l.y / height) * 100}%`,
    width: `${(l.width / width) * 100}%`,
    height: `${(l.height / height) * 100}%`,
  };
  if (l.tint !== undefined) {
    const url = `url(${JSON.stringify(l.image)})`;
    style.backgroundImage = url;
    style.backgroundColor = l.tint;
    style.maskImage = url;
  }
  return style;
}

/**
 * The live picture of the configuration (issue 18): the model's layers for the current selection
 * composed per view (`composeView`), with a view switcher (buttons; arrow keys move between
 * views), a zoom toggle, a cross-fade when the picture changes, a fixed aspect ratio (nothing
 * moves when images arrive), images loaded once the picture nears the screen and cached for the
 * page, a skeleton until the first picture is ready, and a text alternative in the buyer's words.
 * A value the buyer points at or focuses is drawn before it is chosen (the widget's peek store).
 * Tints are the layer image coloured by a swatch through a CSS mask: no inline `<style>`, so it
 * works under a strict CSP (styles are set through the CSSOM).
 */
export function ProductPreview() {
  const { model, derived, domains, t, peek } = useWidget();
  const visuals = model.visuals;
  const views = visuals?.views ?? [];
  const [viewId, setViewId] = useState(views[0]?.id ?? '');
  const [zoomed, setZoomed] = useState(false);
  const peeked = useSyncExternalStore(peek.subscribe, peek.get, peek.get);
  // The picture follows a click after its paint: its layers' images are drawn in the next frame.
  const shown = useAfterPaint(derived.shown);
  const chosen = useMemo(() => pictureSelection(model, shown, domains), [model, shown, domains]);
  const selection = useMemo(() => peekSelection(chosen, peeked), [chosen, peeked]);
  const composed = useMemo(() => composeView(model, selection, viewId), [model, selection, viewId]);

  // Loading starts when the picture comes near the screen (and never before hydration).
  const figureRef = useRef<HTMLElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = figureRef.current;
    if (!el || near) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '200px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [near]);

  const [frames, setFrames] = useState<Frame[]>([]);
  const nextId = useRef(1);
  const sig = composed ? signature(composed) : '';
  useEffect(() => {
    if (!composed || !near) return;
    let live = true;
    const urls = [...new Set(composed.layers.map((l) => l.image))];
    const show = () => {
      if (!live) return;
      setFrames((old) => {
        const last = old[old.length - 1];
        if (last && signature(last.composed) === sig) return old;
        return [...old.slice(-1), { id: nextId.current++, composed }];
      });
    };
    if (allLoaded(urls)) show();
    else void loadAll(urls).then(show);
    return () => {
      live = false;
    };
    // `sig` stands for `composed`'s drawing: a new object with the same layers draws nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sig, near]);
  // The older picture leaves once the newer one has faded in.
  useEffect(() => {
    if (frames.length < 2) return;
    const timer = setTimeout(() => setFrames((f) => f.slice(-1)), FADE_MS);
    return () => clearTimeout(timer);
  }, [frames]);

  const titleId = useId();
  if (!visuals || !composed) return null;
  const view = composed.view;
  const ready = frames.length > 0;
  const alt = previewText(model, selection, view, t);
  const onViewKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = views[(index + step + views.length) % views.length]!;
    setViewId(next.id);
    const buttons = e.currentTarget.parentElement?.querySelectorAll('button');
    (buttons?.[views.indexOf(next)] as HTMLButtonElement | undefined)?.focus();
  };
  const peekLabel =
    peeked && selection !== chosen
      ? describeValue(model, peeked.attribute, peeked.key, t)
      : undefined;

  return (
    <figure
      ref={figureRef}
      className="madeto-preview"
      aria-labelledby={titleId}
      data-state={ready ? 'ready' : 'loading'}
      data-view={view.id}
      data-peek={peekLabel ? '' : undefined}
    >
      <figcaption id={titleId} className="madeto-visually-hidden">
        {t('preview.title', { product: model.name })}
      </figcaption>
      <div
        className="madeto-preview-stage"
        data-zoomed={zoomed || undefined}
        style={{ aspectRatio: `${view.width} / ${view.height}` }}
        tabIndex={zoomed ? 0 : undefined}
        role={zoomed ? 'group' : undefined}
        aria-label={zoomed ? t('preview.zoomedRegion') : undefined}
      >
        <div className="madeto-preview-canvas" role="img" aria-label={alt}>
          {frames.map((frame) => (
            <div key={frame.id} className="madeto-preview-frame" data-frame={frame.id}>
              {frame.composed.layers.map((l, i) =>
                l.tint !== undefined ? (
                  <div
                    key={l.key}
                    className="madeto-preview-layer"
                    data-tinted=""
                    data-attribute={l.source.attribute}
                    data-value={l.source.value}
                    data-instance={l.source.instance}
                    style={boxStyle(frame.composed, i)}
                  />
                ) : (
                  <img
                    key={l.key}
                    className="madeto-preview-layer"
                    data-attribute={l.source.attribute}
                    data-value={l.source.value}
                    data-instance={l.source.instance}
                    src={l.image}
                    alt=""
                    draggable={false}
                    style={boxStyle(frame.composed, i)}
                  />
                ),
              )}
            </div>
          ))}
          {!ready && <div className="madeto-preview-skeleton" aria-hidden="true" />}
        </div>
        {peekLabel && (
          <p className="madeto-preview-peek" aria-hidden="true">
            {t('preview.peek', { value: peekLabel })}
          </p>
        )}
      </div>
      <div className="madeto-preview-tools">
        {views.length > 1 && (
          <div className="madeto-preview-views" role="group" aria-label={t('preview.views')}>
            {views.map((v, i) => (
              <button
                key={v.id}
                type="button"
                aria-pressed={v.id === view.id}
                tabIndex={v.id === view.id ? 0 : -1}
                onClick={() => setViewId(v.id)}
                onKeyDown={(e) => onViewKey(e, i)}
              >
                {v.label}
              </button>
            ))}
          </div>
        )}
        <button type="button" aria-pressed={zoomed} onClick={() => setZoomed((z) => !z)}>
          {t('preview.zoom')}
        </button>
      </div>
    </figure>
  );
}
