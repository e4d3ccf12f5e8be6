import { evaluate } from '../model/evaluate.ts';
import type { ProductModel, Selection } from '../model/types.ts';
import { explode, roundNeed } from '../leadtime/explode.ts';
import type { BomNeed, RoutingNeed } from './schema.ts';

/** What production must build and run for one configured line. */
export interface ProductionNeeds {
  /** First-level BOM items for the whole line, by item id (float noise removed, not rounded up). */
  bom: BomNeed[];
  /** The model's routing operations whose `when` holds, with hours for the whole line. */
  routing: RoutingNeed[];
}

/**
 * The production needs of a configured line: the exploded first BOM level (the same explosion the
 * lead-time engine plans with, C8) and the routing operations that apply to the selection, with
 * `fixedHours + hoursPerUnit × quantity` working hours. Deterministic, so a server recomputes the
 * same needs the browser sent.
 *
 * @example
 * productionNeeds(desk, { frame: 'steel', legStyle: 't-foot', … }, 2).bom
 * // [{ item: 'COL-ST-3S-650', quantity: 4 }, { item: 'FOOT-T-700-ST', quantity: 4 }, …]
 */
export function productionNeeds(
  model: ProductModel,
  selection: Selection,
  quantity: number,
): ProductionNeeds {
  const bom = [...explode(model, selection, quantity)]
    .map(([item, r]) => ({ item, quantity: roundNeed(r.qty, false) }))
    .sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  const routing = model.routing
    .filter((o) => !o.condition || evaluate(o.condition, selection))
    .map((o) => ({
      op: o.op,
      workCenter: o.workCenter,
      hours: Math.round((o.fixedHours + o.hoursPerUnit * quantity) * 1e6) / 1e6,
    }));
  return { bom, routing };
}
