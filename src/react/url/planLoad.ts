import type { ProductModel, Selection, SelectionValue } from '../../engine/index.ts';
import { isValidValue } from '../../core/index.ts';
import { migrateSelection, type DroppedChoice } from './migrateSelection.ts';
import { decodeSelection } from './selectionParam.ts';
import { readUrlSelection } from './urlSelection.ts';

/** Where a widget's first selection comes from, and what was already dropped on the way. */
export interface LoadPlan {
  source: 'link' | 'saved' | 'initial' | 'none';
  selection: Selection;
  quantity: number | undefined;
  fromVersion: string | undefined;
  dropped: DroppedChoice[];
}

/**
 * Decides the first selection of a widget: the link in the URL (under `urlKey`) when it is for
 * this model, else a saved configuration (`saved`, written by `encodeSelection`, e.g. kept with a
 * quote), else `initial`. Unknown attributes and values are dropped and named; the engine
 * later drops (and names) choices that no longer fit together.
 */
export function planLoad(
  model: ProductModel,
  urlKey: string | false,
  initial: Selection | undefined,
  initialQuantity: number | undefined,
  savedParam?: string,
): LoadPlan {
  const link = urlKey === false ? undefined : readUrlSelection(urlKey);
  const fromLink = link ? migrateSelection(model, link) : undefined;
  const stored = savedParam === undefined ? undefined : decodeSelection(savedParam);
  const fromSaved = fromLink || !stored ? undefined : migrateSelection(model, stored);
  const migration = fromLink ?? fromSaved;
  if (migration)
    return {
      source: fromLink ? 'link' : 'saved',
      selection: migration.selection,
      quantity: migration.quantity,
      fromVersion: migration.fromVersion,
      dropped: migration.dropped,
    };
  if (!initial)
    return {
      source: 'none',
      selection: {},
      quantity: initialQuantity,
      fromVersion: undefined,
      dropped: [],
    };
  const byId = new Map(model.attributes.map((a) => [a.id, a] as const));
  const selection: Record<string, SelectionValue> = {};
  const dropped: DroppedChoice[] = [];
  for (const [id, value] of Object.entries(initial)) {
    const attribute = byId.get(id);
    if (attribute && isValidValue(attribute, value)) selection[id] = value;
    else
      dropped.push({
        attribute: id,
        label: attribute?.label ?? id,
        value: Array.isArray(value) ? value.join(', ') : String(value),
        reason: attribute ? 'unknown-value' : 'unknown-attribute',
      });
  }
  return {
    source: 'initial',
    selection,
    quantity: initialQuantity,
    fromVersion: undefined,
    dropped,
  };
}
