import { useId, type ComponentType } from 'react';
import { useWidget } from '../../react/components/WidgetContext.tsx';
import { splitFileLoader } from '../split/loadSplitFile.ts';
import { useSplitFile } from '../split/useSplitFile.ts';
import { previewModules } from './previewModules.ts';

declare const __MADETO_PREVIEW__: string | undefined;

const preview = splitFileLoader<ComponentType>({
  // The picture file's content-hashed name (set by the shop app's build; absent unbundled).
  file: typeof __MADETO_PREVIEW__ === 'string' ? __MADETO_PREVIEW__ : undefined,
  event: 'madeto-preview',
  what: 'the product picture',
  modules: previewModules,
  pick: (exports) =>
    typeof exports.ProductPreview === 'function'
      ? (exports.ProductPreview as ComponentType)
      : undefined,
});

/**
 * What the shop app has in place of `src/react/preview/ProductPreview.tsx` (swapped in by
 * `build.ts`): the picture, loaded from `madeto-preview.<hash>.js` beside the app as soon as the
 * widget has rendered. Until then a placeholder of the picture's exact box stands in its place
 * (the first view's aspect ratio and the same tools row, its buttons disabled), so nothing moves
 * when it arrives; if the file does not load, the placeholder stays (the picture is an extra:
 * the configurator works without it) and the failure is logged.
 */
export function ProductPreview() {
  const Preview = useSplitFile(preview, { render: true }).value;
  if (Preview) return <Preview />;
  return <PreviewPlaceholder />;
}

/** The picture's box as it will first render (its skeleton), with its tools disabled. */
function PreviewPlaceholder() {
  const { model, t } = useWidget();
  const titleId = useId();
  const views = model.visuals?.views ?? [];
  const view = views[0];
  if (!view) return null;
  return (
    <figure
      className="madeto-preview"
      aria-labelledby={titleId}
      aria-busy="true"
      data-state="loading"
      data-view={view.id}
    >
      <figcaption id={titleId} className="madeto-visually-hidden">
        {t('preview.title', { product: model.name })}
      </figcaption>
      <div
        className="madeto-preview-stage"
        style={{ aspectRatio: `${view.width} / ${view.height}` }}
      >
        <div className="madeto-preview-canvas">
          <div className="madeto-preview-skeleton" aria-hidden="true" />
        </div>
      </div>
      <div className="madeto-preview-tools">
        {views.length > 1 && (
          <div className="madeto-preview-views" role="group" aria-label={t('preview.views')}>
            {views.map((v) => (
              <button key={v.id} type="button" aria-pressed={v.id === view.id} disabled>
                {v.label}
              </button>
            ))}
          </div>
        )}
        <button type="button" aria-pressed={false} disabled>
          {t('preview.zoom')}
        </button>
      </div>
    </figure>
  );
}
