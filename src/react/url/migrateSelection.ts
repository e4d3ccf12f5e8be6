import type { ProductModel, Selection, SelectionValue } from '../../engine/index.ts';
import { isValidValue } from '../../core/index.ts';
import type { SavedSelection } from './selectionParam.ts';

/** Why a saved choice could not be kept. */
export type DroppedReason = 'unknown-attribute' | 'unknown-value' | 'conflict';

/** A saved choice that was not kept, named for the buyer. */
export interface DroppedChoice {
  attribute: string;
  /** The attribute's label, or its id when the model no longer has it. */
  label: string;
  /** The saved value as written. */
  value: string;
  reason: DroppedReason;
}

/** A saved selection read against the current model. */
export interface Migration {
  selection: Selection;
  quantity: number;
  /** Set when the link was saved for another version of the model. */
  fromVersion: string | undefined;
  dropped: DroppedChoice[];
}

function typed(
  attribute: ProductModel['attributes'][number],
  raw: string,
): SelectionValue | undefined {
  switch (attribute.type) {
    case 'choice':
      return raw;
    case 'multi':
      return raw === '' ? [] : raw.split(',');
    case 'number':
      return raw.trim() === '' ? undefined : Number(raw);
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'text':
      try {
        return decodeURIComponent(raw);
      } catch {
        return undefined;
      }
    default:
      return attribute satisfies never;
  }
}

/**
 * Types a saved selection against `model` and keeps what still exists: unknown attributes and
 * values are listed in `dropped`, never silently lost. Whether the kept choices still fit
 * together is the engine's part (`reconcile`), whose drops are added with reason `conflict`.
 * Undefined when the link is for another model.
 *
 * @example
 * migrateSelection(desk, { modelId: 'DESK', version: 'old', quantity: 1, raw: { frame: 'wood' } })
 * // { selection: {}, fromVersion: 'old', dropped: [{ attribute: 'frame', reason: 'unknown-value', … }] }
 */
export function migrateSelection(
  model: ProductModel,
  saved: SavedSelection,
): Migration | undefined {
  if (saved.modelId !== model.id) return undefined;
  const byId = new Map(model.attributes.map((a) => [a.id, a] as const));
  const selection: Record<string, SelectionValue> = {};
  const dropped: DroppedChoice[] = [];
  for (const [id, raw] of Object.entries(saved.raw)) {
    const attribute = byId.get(id);
    if (!attribute) {
      dropped.push({ attribute: id, label: id, value: raw, reason: 'unknown-attribute' });
      continue;
    }
    let value = typed(attribute, raw);
    if (attribute.type === 'multi' && Array.isArray(value)) {
      // Keep the items that still exist, name the others.
      const items = value as string[];
      const known = items.filter((v) => attribute.values.some((x) => x.id === v));
      for (const v of items.filter((x) => !known.includes(x)))
        dropped.push({ attribute: id, label: attribute.label, value: v, reason: 'unknown-value' });
      value = known;
    }
    if (value !== undefined && isValidValue(attribute, value)) selection[id] = value;
    else
      dropped.push({
        attribute: id,
        label: attribute.label,
        value: typeof value === 'string' ? value : raw,
        reason: 'unknown-value',
      });
  }
  return {
    selection,
    quantity: saved.quantity,
    fromVersion: saved.version === model.version ? undefined : saved.version,
    dropped,
  };
}
