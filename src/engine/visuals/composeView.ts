import { evaluate } from '../model/evaluate.ts';
import type { ProductModel, Selection } from '../model/types.ts';
import type { Anchor } from './schema.ts';
import type { LayerSource, Measure, View } from './types.ts';

/** One layer to draw: its box in stage units (top-left corner), stacking and colour. */
export interface ComposedLayer {
  /** Stable across selections (a React key, a cache key). */
  key: string;
  image: string;
  z: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The swatch (CSS hex colour) of the value chosen for the layer's tint attribute. */
  tint?: string;
  source: LayerSource;
}

/** A view of one configuration: the stage and its layers, bottom first. */
export interface ComposedView {
  view: View;
  layers: ComposedLayer[];
}

const ANCHOR_FRACTION: Record<Anchor, readonly [number, number]> = {
  'top-left': [0, 0],
  top: [0.5, 0],
  'top-right': [1, 0],
  left: [0, 0.5],
  center: [0.5, 0.5],
  right: [1, 0.5],
  'bottom-left': [0, 1],
  bottom: [0.5, 1],
  'bottom-right': [1, 1],
};

/**
 * The layers `selection` shows in view `viewId`, bottom first (by `z`, then module instance, then document order), with
 * their boxes resolved (measures that follow a number attribute use its chosen value, else its
 * default, else its minimum) and tints resolved to swatches. Undefined when the model has no such
 * view. Pure: the widget, the quote document and the order payload all draw from it.
 *
 * @example
 * composeView(model, { frame: 'steel', frameColour: 'black' }, 'front');
 * // { view: { id: 'front', … }, layers: [{ image: '/img/frame-steel.svg', z: 10, x: 120, …, tint: '#0e0e10' }] }
 */
export function composeView(
  model: ProductModel,
  selection: Selection,
  viewId: string,
): ComposedView | undefined {
  const visuals = model.visuals;
  const view = visuals?.views.find((v) => v.id === viewId);
  if (!visuals || !view) return undefined;
  const numberOf = (m: Measure): number => {
    if (m.attribute === undefined) return m.offset;
    const chosen = selection[m.attribute];
    let value = 0;
    if (typeof chosen === 'number') value = chosen;
    else {
      const attr = model.attributes.find((a) => a.id === m.attribute);
      if (attr?.type === 'number') value = attr.default ?? attr.min;
    }
    return m.offset + m.scale * value;
  };
  const shown = visuals.layers
    .map((layer, order) => ({ layer, order }))
    .filter(
      ({ layer }) => layer.view === viewId && (!layer.show || evaluate(layer.show, selection)),
    )
    .sort(
      (a, b) =>
        a.layer.z - b.layer.z ||
        (a.layer.source.instance ?? 0) - (b.layer.source.instance ?? 0) ||
        a.order - b.order,
    );
  const layers = shown.map(({ layer }): ComposedLayer => {
    const width = numberOf(layer.width);
    const height = numberOf(layer.height);
    const [fx, fy] = ANCHOR_FRACTION[layer.anchor];
    const out: ComposedLayer = {
      key: layer.key,
      image: layer.image,
      z: layer.z,
      x: numberOf(layer.x) - fx * width,
      y: numberOf(layer.y) - fy * height,
      width,
      height,
      source: layer.source,
    };
    const tint = layer.tint === undefined ? undefined : swatchOf(model, selection, layer.tint);
    if (tint !== undefined) out.tint = tint;
    return out;
  });
  return { view, layers };
}

/** The swatch of the value chosen for choice attribute `attribute`, if it has one. */
function swatchOf(
  model: ProductModel,
  selection: Selection,
  attribute: string,
): string | undefined {
  const chosen = selection[attribute];
  if (typeof chosen !== 'string') return undefined;
  const attr = model.attributes.find((a) => a.id === attribute);
  if (attr?.type !== 'choice') return undefined;
  return attr.values.find((v) => v.id === chosen)?.swatch;
}
