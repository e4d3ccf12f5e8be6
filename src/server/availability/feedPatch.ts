import { dateSchema, instantSchema, jsonPath, localDateTimeSchema } from '../../engine/index.ts';
import { z } from '../../engine/zod.ts';
import { HttpError } from '../httpError.ts';

const id = z.string().check(z.minLength(1), z.maxLength(200));
const quantity = z.number().check(z.minimum(0, 'a quantity cannot be negative'));
const MAX = 10_000;

const poSchema = z.strictObject({
  id,
  item: id,
  qty: quantity,
  expected: dateSchema,
  supplierId: z.optional(id),
});

/**
 * `PATCH /api/availability`: what changed since the current snapshot. Strict at every level, so
 * a misspelt key is named rather than ignored.
 * - `stock`: an item's levels (`onHand`, and `reserved` / `safetyStock` when given; an item not
 *   yet in `stock` starts at `reserved: 0`).
 * - `inbound.upsert`: purchase orders added, or changed (by `id`: item, quantity, expected date).
 * - `inbound.received`: PO ids received: marked `received`, their quantity added to the item's
 *   `onHand` unless this patch sets that item's stock (then the level given is the truth).
 * - `inbound.remove`: PO ids cancelled.
 * - `bookings`: a work centre's booked intervals, replaced as a whole.
 * - `calendars`: calendars replaced (or added) as a whole.
 * - `snapshotAt`: when the source system took the data (default: the server's now).
 */
export const availabilityPatchSchema = z.strictObject({
  snapshotAt: z.optional(instantSchema),
  stock: z.optional(
    z.record(
      id,
      z.strictObject({
        onHand: quantity,
        reserved: z.optional(quantity),
        safetyStock: z.optional(quantity),
      }),
    ),
  ),
  inbound: z.optional(
    z.strictObject({
      upsert: z.optional(z.array(poSchema).check(z.maxLength(MAX))),
      received: z.optional(z.array(id).check(z.maxLength(MAX))),
      remove: z.optional(z.array(id).check(z.maxLength(MAX))),
    }),
  ),
  bookings: z.optional(
    z.record(
      id,
      z
        .array(z.strictObject({ from: localDateTimeSchema, to: localDateTimeSchema }))
        .check(z.maxLength(MAX)),
    ),
  ),
  calendars: z.optional(z.record(id, z.unknown())),
});

/** A validated availability patch. */
export type AvailabilityPatch = z.output<typeof availabilityPatchSchema>;

/** What a new version changed, as stored with it and shown in `GET /api/availability/versions`. */
export interface AvailabilityChange {
  kind: 'put' | 'patch' | 'import' | 'seed';
  stock?: string[];
  inboundAdded?: string[];
  inboundChanged?: string[];
  inboundReceived?: string[];
  inboundRemoved?: string[];
  bookings?: string[];
  calendars?: string[];
}

/** 400 `AVAILABILITY_INVALID` naming every problem by JSON path. */
export function availabilityInvalid(
  issues: readonly { path: string; message: string }[],
): HttpError {
  return new HttpError(
    400,
    'AVAILABILITY_INVALID',
    `the availability is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues
      .slice(0, 5)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ')}`,
    { issues: [...issues] },
  );
}

/** Parses a PATCH body (400 `AVAILABILITY_INVALID` with JSON paths when it is not one). */
export function parseAvailabilityPatch(body: unknown): AvailabilityPatch {
  const parsed = availabilityPatchSchema.safeParse(body);
  if (!parsed.success)
    throw availabilityInvalid(
      parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
    );
  const issues: { path: string; message: string }[] = [];
  const inbound = parsed.data.inbound;
  const seen = new Map<string, number>();
  inbound?.upsert?.forEach((po, i) => {
    if (seen.has(po.id))
      issues.push({
        path: `$.inbound.upsert[${i}].id`,
        message: `purchase order '${po.id}' is also at $.inbound.upsert[${seen.get(po.id)}]`,
      });
    seen.set(po.id, i);
  });
  if (issues.length > 0) throw availabilityInvalid(issues);
  return parsed.data;
}

type Json = Record<string, unknown>;
type Po = { id: string; item: string; qty: number; received?: boolean; [k: string]: unknown };

/**
 * Applies a patch to the current snapshot document (plain JSON, as stored; not modified) and
 * says what changed. PO ids the patch names but the snapshot lacks are refused (400 at the patch's
 * path); the result is validated as a whole by the caller (`parseSnapshot`).
 *
 * @example
 * applyAvailabilityPatch(doc, { stock: { 'TOP-OAK': { onHand: 3 } } }, '2026-12-07T10:00:00Z')
 * // { document: { …doc, stock: { …, 'TOP-OAK': { onHand: 3, reserved: 0 } } }, change: { kind: 'patch', stock: ['TOP-OAK'] } }
 */
export function applyAvailabilityPatch(
  current: unknown,
  patch: AvailabilityPatch,
  now: string,
): { document: Json; change: AvailabilityChange } {
  const doc = structuredClone(current) as Json;
  const change: AvailabilityChange = { kind: 'patch' };
  const issues: { path: string; message: string }[] = [];
  doc.snapshotAt = patch.snapshotAt ?? now;
  const stock = (doc.stock ?? {}) as Record<string, Json>;
  const inbound = ((doc.inbound ?? []) as Po[]).map((p) => ({ ...p }));
  const byId = new Map(inbound.map((p, i) => [p.id, i]));
  const setStock = new Set(Object.keys(patch.stock ?? {}));
  for (const [item, level] of Object.entries(patch.stock ?? {}))
    stock[item] = { reserved: 0, ...stock[item], ...level };
  if (patch.stock) change.stock = Object.keys(patch.stock);
  for (const po of patch.inbound?.upsert ?? []) {
    const at = byId.get(po.id);
    if (at === undefined) {
      byId.set(po.id, inbound.length);
      inbound.push({ ...po });
      (change.inboundAdded ??= []).push(po.id);
    } else {
      inbound[at] = { ...inbound[at]!, ...po };
      (change.inboundChanged ??= []).push(po.id);
    }
  }
  patch.inbound?.received?.forEach((poId, i) => {
    const at = byId.get(poId);
    const po = at === undefined ? undefined : inbound[at];
    if (!po) {
      issues.push({
        path: `$.inbound.received[${i}]`,
        message: `no purchase order '${poId}' in the current snapshot`,
      });
      return;
    }
    if (po.received) return;
    po.received = true;
    if (!setStock.has(po.item)) {
      const s = stock[po.item] ?? { onHand: 0, reserved: 0 };
      stock[po.item] = { ...s, onHand: Number(s.onHand ?? 0) + po.qty };
    }
    (change.inboundReceived ??= []).push(poId);
  });
  const removed = new Set<string>();
  patch.inbound?.remove?.forEach((poId, i) => {
    if (!byId.has(poId))
      issues.push({
        path: `$.inbound.remove[${i}]`,
        message: `no purchase order '${poId}' in the current snapshot`,
      });
    else removed.add(poId);
  });
  if (removed.size > 0) change.inboundRemoved = [...removed];
  const workCenters = (doc.workCenters ?? {}) as Record<string, Json>;
  for (const [wc, booked] of Object.entries(patch.bookings ?? {})) {
    if (!workCenters[wc]) {
      issues.push({
        path: jsonPath(['bookings', wc]),
        message: `unknown work centre '${wc}' (work centres: ${Object.keys(workCenters).join(', ') || 'none'})`,
      });
      continue;
    }
    workCenters[wc] = { ...workCenters[wc], booked };
    (change.bookings ??= []).push(wc);
  }
  const calendars = (doc.calendars ?? {}) as Record<string, unknown>;
  for (const [cal, document] of Object.entries(patch.calendars ?? {})) {
    calendars[cal] = document;
    (change.calendars ??= []).push(cal);
  }
  if (issues.length > 0) throw availabilityInvalid(issues);
  doc.stock = stock;
  doc.inbound = inbound.filter((p) => !removed.has(p.id));
  doc.workCenters = workCenters;
  doc.calendars = calendars;
  return { document: doc, change };
}
