import type { ModelDocument } from '../model/schema.ts';
import type { LayerDocument } from './schema.ts';

/** A `hiddenIn` mark on a value or an attribute, with the layers it must not contradict. */
export interface HiddenMark {
  views: readonly string[];
  path: readonly PropertyKey[];
  what: string;
  layers: { layer: LayerDocument; path: readonly PropertyKey[] }[];
}

/** Every `hiddenIn` mark of the document (an attribute's covers its values' layers too). */
export function hiddenMarks(doc: ModelDocument): HiddenMark[] {
  const marks: HiddenMark[] = [];
  const located = (layers: readonly LayerDocument[] | undefined, path: readonly PropertyKey[]) =>
    (layers ?? []).map((layer, k) => ({ layer, path: [...path, 'layers', k] }));
  doc.attributes.forEach((attr, i) => {
    if (attr.type === 'text') return;
    const at = ['attributes', i] as const;
    const values = attr.type === 'choice' || attr.type === 'multi' ? attr.values : [];
    if (attr.hiddenIn)
      marks.push({
        views: attr.hiddenIn,
        path: at,
        what: `attribute '${attr.id}'`,
        layers: [
          ...('layers' in attr ? located(attr.layers, at) : []),
          ...values.flatMap((v, j) => located(v.layers, [...at, 'values', j])),
        ],
      });
    values.forEach((v, j) => {
      if (v.hiddenIn)
        marks.push({
          views: v.hiddenIn,
          path: [...at, 'values', j],
          what: `value '${v.id}' of '${attr.id}'`,
          layers: located(v.layers, [...at, 'values', j]),
        });
    });
  });
  return marks;
}
