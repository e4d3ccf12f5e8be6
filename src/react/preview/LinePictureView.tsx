import type { CSSProperties } from 'react';
import type { LinePicture } from '../../engine/index.ts';

type PictureView = LinePicture['views'][number];

/** A layer's box in per cent of its view, and its tint as the image's mask over the swatch. */
function layerStyle(view: PictureView, i: number): CSSProperties {
  const l = view.layers[i]!;
  const style: CSSProperties = {
    left: `${(l.x / view.width) * 100}%`,
    top: `${(l.y / view.height) * 100}%`,
    width: `${(l.width / view.width) * 100}%`,
    height: `${(l.height / view.height) * 100}%`,
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
 * A configured line's picture as a document shows it (the rep's quote, the customer's page): every
 * view of the line's `picture`, each named below it (the model's name for the view, else its id),
 * drawn from the layer references the payload carries (no model needed), each at its view's aspect
 * ratio. Each view is an image named `label, view name` (its caption, the same name, is hidden
 * from assistive technology).
 */
export function LinePictureView({ picture, label }: { picture: LinePicture; label: string }) {
  if (picture.views.length === 0) return null;
  return (
    <div className="madeto-line-pictures">
      {picture.views.map((view) => {
        const name = view.label ?? view.view;
        return (
          <figure key={view.view} className="madeto-line-picture-view">
            <div
              className="madeto-line-picture"
              role="img"
              aria-label={`${label}, ${name}`}
              style={{ aspectRatio: `${view.width} / ${view.height}` }}
            >
              {view.layers.map((l, i) =>
                l.tint !== undefined ? (
                  <div
                    key={i}
                    className="madeto-line-picture-layer"
                    data-tinted=""
                    style={layerStyle(view, i)}
                  />
                ) : (
                  <img
                    key={i}
                    className="madeto-line-picture-layer"
                    src={l.image}
                    alt=""
                    loading="lazy"
                    style={layerStyle(view, i)}
                  />
                ),
              )}
            </div>
            <figcaption aria-hidden="true">{name}</figcaption>
          </figure>
        );
      })}
    </div>
  );
}
