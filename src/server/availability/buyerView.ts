import { createHmac } from 'node:crypto';
import { modelBomLines, type ProductModel, type Snapshot } from '../../engine/index.ts';

/**
 * The ids a buyer may already see: the items of the public product models' BOMs and the work
 * centres of their routings (`GET /api/models/:id` serves them to anyone). Every other id of the
 * snapshot is internal.
 */
export function publicIds(models: readonly ProductModel[]): {
  items: ReadonlySet<string>;
  workCenters: ReadonlySet<string>;
} {
  return {
    items: new Set(models.flatMap((m) => modelBomLines(m).map((l) => l.item))),
    workCenters: new Set(models.flatMap((m) => m.routing.map((op) => op.workCenter))),
  };
}

type Kind = 'item' | 'workCenter' | 'supplier' | 'po' | 'commitment';
const PREFIX: Record<Kind, string> = {
  item: 'I',
  workCenter: 'W',
  supplier: 'S',
  po: 'P',
  commitment: 'C',
};

/**
 * The snapshot as a buyer's widget receives it: the same quantities, dates, calendars and booked
 * intervals (so the widget's promise is the server's), but every internal id replaced by an
 * opaque one — purchase orders, suppliers, commitments (other customers' orders), and the items
 * and work centres no public model names. An opaque id is an HMAC of `key`, the snapshot version
 * and the id (`P-3fZ0…`): stable within a version (so one snapshot's references still meet),
 * different in the next, and not reversible without the server's key.
 *
 * @example
 * buyerView(snapshot, { version: 4, key, publicIds: publicIds(models) }).inbound[0].id // 'P-k2Yq…'
 */
export function buyerView(
  snapshot: Snapshot,
  options: {
    version: number;
    key: Buffer | string;
    publicIds: ReturnType<typeof publicIds>;
  },
): Snapshot {
  const memo = new Map<string, string>();
  const opaque = (kind: Kind, id: string) => {
    const k = `${kind}\u0000${id}`;
    let out = memo.get(k);
    if (out === undefined) {
      const mac = createHmac('sha256', options.key)
        .update(`${options.version}\u0000${k}`)
        .digest('base64url');
      out = `${PREFIX[kind]}-${mac.slice(0, 16)}`;
      memo.set(k, out);
    }
    return out;
  };
  const item = (id: string) => (options.publicIds.items.has(id) ? id : opaque('item', id));
  const workCenter = (id: string) =>
    options.publicIds.workCenters.has(id) ? id : opaque('workCenter', id);
  const rekey = <V>(
    record: Readonly<Record<string, V>>,
    key: (id: string) => string,
    value = (v: V) => v,
  ) => {
    const out = Object.create(null) as Record<string, V>;
    for (const [id, v] of Object.entries(record)) out[key(id)] = value(v);
    return out;
  };
  return {
    ...snapshot,
    workCenters: rekey(snapshot.workCenters, workCenter),
    items: rekey(snapshot.items, item, (it) => ({
      ...it,
      suppliers: it.suppliers.map((s) => ({ ...s, id: opaque('supplier', s.id) })),
      bom: it.bom.map((l) => ({ ...l, item: item(l.item) })),
      routing: it.routing.map((op) => ({ ...op, workCenter: workCenter(op.workCenter) })),
    })),
    stock: rekey(snapshot.stock, item),
    inbound: snapshot.inbound.map((po) => ({
      ...po,
      id: opaque('po', po.id),
      item: item(po.item),
      ...(po.supplierId !== undefined && { supplierId: opaque('supplier', po.supplierId) }),
    })),
    commitments: snapshot.commitments.map((c) => ({
      ...c,
      id: opaque('commitment', c.id),
      item: item(c.item),
    })),
  };
}
