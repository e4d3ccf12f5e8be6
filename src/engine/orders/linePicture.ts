import type { ProductModel, Selection } from '../model/types.ts';
import { composeView } from '../visuals/composeView.ts';
import type { LinePicture } from './picture.ts';

/**
 * Every view of `model` composed for `selection` (`composeView`), with the view's id and name, or
 * undefined when the model has no pictures. The same function builds the payload and checks it on
 * the server.
 *
 * @example
 * linePicture(desk, { frame: 'steel', topMaterial: 'oak', width: 1600 })?.views.map((v) => v.view);
 * // ['front', 'top']
 */
export function linePicture(model: ProductModel, selection: Selection): LinePicture | undefined {
  if (!model.visuals) return undefined;
  return {
    views: model.visuals.views.map((v) => {
      const composed = composeView(model, selection, v.id)!;
      return {
        view: v.id,
        label: v.label,
        width: v.width,
        height: v.height,
        layers: composed.layers.map((l) => ({
          image: l.image,
          x: l.x,
          y: l.y,
          width: l.width,
          height: l.height,
          ...(l.tint !== undefined && { tint: l.tint }),
        })),
      };
    }),
  };
}
