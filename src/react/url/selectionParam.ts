import type { ProductModel, Selection } from '../../engine/index.ts';

/** A selection as saved in a link: for which model and version, the raw choices and quantity. */
export interface SavedSelection {
  modelId: string;
  version: string;
  quantity: number;
  /** Attribute id → value as written (typed against the model when loaded). */
  raw: Record<string, string>;
}

/**
 * Encodes a selection for a query-string parameter: `MODEL@VERSION|q=2|frame=steel|acc=arm,cpu`.
 * Ids never contain `|`, `=` or `,`; text values are percent-encoded.
 *
 * @example
 * encodeSelection(desk, { frame: 'steel', accessories: ['arm'] }, 1)
 * // 'DESK@2026-11-01|q=1|frame=steel|accessories=arm'
 */
export function encodeSelection(
  model: ProductModel,
  selection: Selection,
  quantity: number,
): string {
  const parts = [`${model.id}@${model.version}`, `q=${quantity}`];
  for (const a of model.attributes) {
    const v = selection[a.id];
    if (v === undefined) continue;
    const text = Array.isArray(v)
      ? v.join(',')
      : typeof v === 'string' && a.type === 'text'
        ? encodeURIComponent(v)
        : String(v);
    parts.push(`${a.id}=${text}`);
  }
  return parts.join('|');
}

/** Reads a parameter written by `encodeSelection`; undefined when it is not one. */
export function decodeSelection(param: string): SavedSelection | undefined {
  const [head, ...rest] = param.split('|');
  const at = head?.lastIndexOf('@') ?? -1;
  if (!head || at <= 0) return undefined;
  const raw: Record<string, string> = {};
  let quantity = 1;
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (key === 'q') {
      const q = Number(value);
      if (Number.isInteger(q) && q >= 1) quantity = q;
    } else raw[key] = value;
  }
  return { modelId: head.slice(0, at), version: head.slice(at + 1), quantity, raw };
}
