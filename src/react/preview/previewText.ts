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
  // Attribute ids, and `id=value` of each value a shown layer draws: of a multiple choice only
  // those are named (the accessories under a desk's top are not named from above).
  const drawn = new Set<string>();
  for (const layer of model.visuals?.layers ?? []) {
    if (layer.view !== view.id || (layer.show && !evaluate(layer.show, selection))) continue;
    const { attribute, value } = layer.source;
    if (attribute) drawn.add(attribute).add(attribute + '=' + value);
    if (layer.tint) drawn.add(layer.tint);
    for (const m of [layer.x, layer.y, layer.width, layer.height])
      if (m.attribute) drawn.add(m.attribute);
  }
  const details = model.attributes
    .map((a) => {
      const v = selection[a.id];
      const w = Array.isArray(v) ? v.filter((x) => drawn.has(a.id + '=' + x)) : v;
      return drawn.has(a.id) && `${w ?? ''}`
        ? `${a.label}: ${describeValue(model, a.id, w!, t)}`
        : '';
    })
    .filter(Boolean)
    .join('; ');
  return t('preview.alt', { product: model.name, view: view.label, details });
}
