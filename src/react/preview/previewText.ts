import { evaluate, type ProductModel, type Selection, type View } from '../../engine/index.ts';
import { describeValue } from '../components/SelectionSummary.tsx';
import type { Translate } from '../i18n/messages.ts';

/**
 * The picture's text alternative in the buyer's words: the product, the view and every chosen
 * value the view draws (a layer's value, a tint, a size it follows, of the layers this selection
 * shows: a sofa of two seats does not name a third seat's default; of a multiple choice only the
 * values drawn in this view), in the model's order.
 *
 * @example
 * previewText(desk, selection, front, t);
 * // 'Standing desk, front: Frame: Steel, 3-stage columns; Frame colour: Jet black; Width: 1600 mm'
 */
export function previewText(
  model: ProductModel,
  selection: Selection,
  view: View,
  t: Translate,
): string {
  const drawn = new Set<string>();
  // The values of a multiple choice that a shown layer draws (the accessories under a desk's top
  // are chosen, but not drawn from above).
  const values = new Set<string>();
  for (const layer of model.visuals?.layers ?? []) {
    if (layer.view !== view.id || (layer.show && !evaluate(layer.show, selection))) continue;
    const { attribute, value } = layer.source;
    if (attribute) drawn.add(attribute);
    if (value !== undefined) values.add(`${attribute}=${value}`);
    if (layer.tint) drawn.add(layer.tint);
    for (const m of [layer.x, layer.y, layer.width, layer.height])
      if (m.attribute) drawn.add(m.attribute);
  }
  const details = model.attributes
    .flatMap((a) => {
      let v = selection[a.id];
      if (Array.isArray(v)) v = v.filter((x) => values.has(`${a.id}=${x}`));
      return drawn.has(a.id) && v !== undefined && !(Array.isArray(v) && !v.length)
        ? [`${a.label}: ${describeValue(model, a.id, v, t)}`]
        : [];
    })
    .join('; ');
  return t('preview.alt', { product: model.name, view: view.label, details });
}
