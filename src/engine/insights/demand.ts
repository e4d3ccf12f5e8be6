import { explode, roundNeed } from '../leadtime/explode.ts';
import type { Snapshot } from '../leadtime/schema.ts';
import type { ProductModel, Selection } from '../model/types.ts';
import { isoWeek } from './filter.ts';

/** A configured line that will need components: an order line or an open quote's line. */
export interface DemandLine {
  productId: string;
  quantity: number;
  selection: Selection;
  /** When its components are needed (e.g. the promised delivery), `YYYY-MM-DD`. */
  needDate: string;
}

/** What `componentDemand` reads. */
export interface DemandInput {
  /** Product models by id. */
  models: Readonly<Record<string, ProductModel>>;
  snapshot: Snapshot;
  /** Confirmed orders: counted in full. */
  orders: readonly DemandLine[];
  /** Open quotes: counted × `winRate`. */
  openQuotes: readonly DemandLine[];
  /** The historical win rate of quotes, 0–1 (`historicalWinRate`). */
  winRate: number;
}

/** The demand of one item in one ISO week, against stock and inbound purchase orders. */
export interface DemandRow {
  item: string;
  /** `YYYY-Www`. */
  week: string;
  /** From confirmed orders. */
  confirmed: number;
  /** From open quotes, weighted by the win rate. */
  expected: number;
  /** confirmed + expected. */
  total: number;
  /** Open purchase orders expected that week. */
  inbound: number;
  /** On hand − reserved + inbound so far − demand so far (after this week); below 0 is a shortage. */
  projected: number;
}

/** The result: rows per item and week, and lines whose product is not known. */
export interface ComponentDemand {
  rows: DemandRow[];
  /** The win rate used for open quotes. */
  winRate: number;
  skipped: { productId: string; reason: string }[];
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * "What we will need": the BOM of confirmed orders and of open quotes (weighted by the historical
 * win rate) exploded with the lead-time engine's explosion (C8: the product's BOM, chosen values'
 * BOM lines, scrap; needs rounded up per line for discrete items) and on through the snapshot's
 * make items' BOMs (gross, every level), summed per item and ISO week of the line's need date, set
 * against stock (on hand − reserved) and open inbound purchase orders.
 *
 * @example
 * componentDemand({ models: { DESK: desk }, snapshot, orders: [{ productId: 'DESK', quantity: 2, selection: { frame: 'steel' }, needDate: '2026-12-14' }], openQuotes: [], winRate: 0.5 }).rows
 * // [{ item: 'FRAME-ST', week: '2026-W51', confirmed: 2, expected: 0, total: 2, inbound: 0, projected: 8 }, …]
 */
export function componentDemand(input: DemandInput): ComponentDemand {
  const { snapshot } = input;
  const cells = new Map<
    string,
    Map<string, { confirmed: number; expected: number; inbound: number }>
  >();
  const cell = (item: string, week: string) => {
    let weeks = cells.get(item);
    if (!weeks) cells.set(item, (weeks = new Map()));
    let c = weeks.get(week);
    if (!c) weeks.set(week, (c = { confirmed: 0, expected: 0, inbound: 0 }));
    return c;
  };
  const skipped: ComponentDemand['skipped'] = [];
  const addNeed = (
    item: string,
    qty: number,
    week: string,
    kind: 'confirmed' | 'expected',
    depth: number,
  ) => {
    cell(item, week)[kind] += qty;
    const it = snapshot.items[item];
    if (!it || depth > 50) return;
    for (const line of it.bom) {
      const child = snapshot.items[line.item];
      const need = roundNeed(
        qty * line.qtyPer * (1 + (line.scrap ?? 0)),
        kind === 'confirmed' && (child?.discrete ?? false),
      );
      addNeed(line.item, need, week, kind, depth + 1);
    }
  };
  const addLines = (
    lines: readonly DemandLine[],
    kind: 'confirmed' | 'expected',
    weight: number,
  ) => {
    for (const line of lines) {
      const model = Object.hasOwn(input.models, line.productId)
        ? input.models[line.productId]
        : undefined;
      if (!model) {
        skipped.push({
          productId: line.productId,
          reason: `no model for product '${line.productId}'`,
        });
        continue;
      }
      const week = isoWeek(line.needDate);
      for (const [item, req] of explode(model, line.selection, line.quantity)) {
        const need = roundNeed(req.qty, snapshot.items[item]?.discrete ?? false);
        addNeed(item, need * weight, week, kind, 0);
      }
    }
  };
  addLines(input.orders, 'confirmed', 1);
  addLines(input.openQuotes, 'expected', input.winRate);
  for (const po of snapshot.inbound) {
    if (po.received || !cells.has(po.item)) continue;
    cell(po.item, isoWeek(po.expected)).inbound += po.qty;
  }
  const rows: DemandRow[] = [];
  for (const item of [...cells.keys()].sort()) {
    const stock = snapshot.stock[item];
    let projected = stock ? stock.onHand - stock.reserved : 0;
    const weeks = cells.get(item) as Map<
      string,
      { confirmed: number; expected: number; inbound: number }
    >;
    for (const week of [...weeks.keys()].sort()) {
      const c = weeks.get(week) as { confirmed: number; expected: number; inbound: number };
      const total = c.confirmed + c.expected;
      projected += c.inbound - total;
      rows.push({
        item,
        week,
        confirmed: round3(c.confirmed),
        expected: round3(c.expected),
        total: round3(total),
        inbound: round3(c.inbound),
        projected: round3(projected),
      });
    }
  }
  return { rows, winRate: input.winRate, skipped };
}
