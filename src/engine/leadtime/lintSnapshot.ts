import type { LintFinding } from '../lintFinding.ts';
import { jsonPath } from '../model/jsonPath.ts';
import type { ProductModel } from '../model/types.ts';
import { modelBomLines } from './modelBom.ts';
import type { Snapshot } from './schema.ts';

/** File names to put on findings: the snapshot's, and each model's by product id. */
export interface LintFiles {
  snapshot?: string;
  models?: Readonly<Record<string, string>>;
}

/**
 * Checks a snapshot against product models (`madeto lint --snapshot`): BOM items the snapshot
 * does not know (error `unknown-item`, in model values, model BOMs and make items' BOMs), work
 * centres of routings that are missing (error `unknown-work-center`), a model's plant that is
 * missing (error `unknown-plant`), and bought items with no supplier, no stock and no inbound
 * (`no-source`: an error when a model's or a make item's BOM needs the item, else a warning).
 *
 * @example
 * lintSnapshot(snapshot, [desk])
 * // [{ severity: 'error', code: 'unknown-item', path: '$.attributes[1].values[2].bom[0].item', message: "…'TOP-WAL'…" }]
 */
export function lintSnapshot(
  snapshot: Snapshot,
  models: readonly ProductModel[],
  files: LintFiles = {},
): LintFinding[] {
  const findings: LintFinding[] = [];
  const needed = new Set<string>();
  for (const model of models) for (const line of modelBomLines(model)) needed.add(line.item);
  for (const item of Object.values(snapshot.items)) for (const b of item.bom) needed.add(b.item);
  const inSnapshot = (f: Omit<LintFinding, 'file'>) =>
    findings.push(files.snapshot === undefined ? f : { ...f, file: files.snapshot });
  for (const model of models) {
    const file = files.models?.[model.id];
    const inModel = (f: Omit<LintFinding, 'file'>) =>
      findings.push(file === undefined ? f : { ...f, file });
    if (!snapshot.plants[model.plantId])
      inModel({
        severity: 'error',
        code: 'unknown-plant',
        path: '$.plantId',
        message: `product '${model.id}' is made at plant '${model.plantId}', which the snapshot does not know`,
      });
    for (const line of modelBomLines(model))
      if (!snapshot.items[line.item])
        inModel({
          severity: 'error',
          code: 'unknown-item',
          path: `${line.where}.item`,
          message: `product '${model.id}': BOM item '${line.item}' is not in the snapshot's items`,
        });
    model.routing.forEach((op, i) => {
      if (!snapshot.workCenters[op.workCenter])
        inModel({
          severity: 'error',
          code: 'unknown-work-center',
          path: `$.routing[${i}].workCenter`,
          message: `product '${model.id}': operation ${op.op} runs on work centre '${op.workCenter}', which the snapshot does not know`,
        });
    });
  }
  const inbound = new Set(snapshot.inbound.filter((po) => !po.received).map((po) => po.item));
  for (const [id, item] of Object.entries(snapshot.items)) {
    item.bom.forEach((b, i) => {
      if (!snapshot.items[b.item])
        inSnapshot({
          severity: 'error',
          code: 'unknown-item',
          path: jsonPath(['items', id, 'bom', i, 'item']),
          message: `make item '${id}': BOM item '${b.item}' is not in the snapshot's items`,
        });
    });
    item.routing.forEach((op, i) => {
      if (!snapshot.workCenters[op.workCenter])
        inSnapshot({
          severity: 'error',
          code: 'unknown-work-center',
          path: jsonPath(['items', id, 'routing', i, 'workCenter']),
          message: `make item '${id}': operation ${op.op} runs on unknown work centre '${op.workCenter}'`,
        });
    });
    const stock = snapshot.stock[id];
    const free = (stock?.onHand ?? 0) - (stock?.reserved ?? 0);
    if (item.makeOrBuy === 'buy' && item.suppliers.length === 0 && free <= 0 && !inbound.has(id))
      inSnapshot({
        // An item a product needs that can never be had makes every order of it unavailable.
        severity: needed.has(id) ? 'error' : 'warning',
        code: 'no-source',
        path: jsonPath(['items', id]),
        message: `bought item '${id}' has no supplier, no free stock and no open purchase order: any need of it is unavailable${needed.has(id) ? ' (a product needs it)' : ''}`,
      });
  }
  return findings;
}
