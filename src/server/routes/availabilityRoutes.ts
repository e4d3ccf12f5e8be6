import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  parsePromiseRequest,
  PromiseInputError,
  SnapshotError,
  type PromiseResult,
} from '../../engine/index.ts';
import type { Authenticator, SignedInUser } from '../auth/authenticator.ts';
import {
  applyAvailabilityPatch,
  availabilityInvalid,
  parseAvailabilityPatch,
} from '../availability/feedPatch.ts';
import { buyerView, publicIds } from '../availability/buyerView.ts';
import type { Clock } from '../clock.ts';
import { Throttle } from '../auth/throttle.ts';
import type { HoldLimits, HoldTimes } from '../config.ts';
import {
  TooManyActiveHolds,
  type AvailabilityStore,
  type CurrentAvailability,
} from '../db/availabilityStore.ts';
import { HttpError } from '../httpError.ts';

/** The promise as a buyer-facing answer: no items, POs, suppliers or work centres. */
export const promiseSummary = (r: PromiseResult) => ({
  status: r.status,
  ...(r.shipDate !== undefined && { shipDate: r.shipDate }),
  ...(r.deliveryDate !== undefined && { deliveryDate: r.deliveryDate }),
});

/** 403 unless the user is an integration user (or an admin): only they feed availability. */
function requireIntegration(user: SignedInUser): void {
  if (user.role !== 'integration' && user.role !== 'admin')
    throw new HttpError(
      403,
      'INTEGRATION_REQUIRED',
      `changing availability needs an integration user: ${user.name} is signed in as a ${user.role}`,
    );
}

/** The version an `If-Match` header names (`"v12"` or `"v12-…"`), or undefined without one. */
function ifMatchVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"v(\d+)(?:-[^"]*)?"\s*$/.exec(String(header));
  if (!m)
    throw new HttpError(
      400,
      'IF_MATCH_INVALID',
      `If-Match must be an ETag of GET /api/availability (such as "v12-…"), not ${String(header)}`,
    );
  return Number(m[1]);
}

const checkVersion =
  (expected: number | undefined) => (current: CurrentAvailability | undefined) => {
    if (expected !== undefined && expected !== (current?.version ?? 0))
      throw new HttpError(
        412,
        'VERSION_MISMATCH',
        `If-Match names version ${expected}; the current version is ${current?.version ?? 0}: read it again and re-apply the change`,
      );
  };

/**
 * The stored id of an anonymous client: an HMAC of its IP address under `key`, not the address
 * itself, and not a plain hash (which the 2^32 IPv4 addresses would undo by brute force).
 */
const clientId = (key: Buffer, ip: string) =>
  createHmac('sha256', key).update(`madeto-hold-client:${ip}`).digest('base64url');

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The availability feed and holds:
 * - `GET /api/availability`: the current snapshot net of active holds (what promises for everyone
 *   else are made on) — whole for a signed-in user, as the buyer view (`buyerView.ts`: internal
 *   ids opaque) for anyone else; `ETag` = version, the set of active holds and the view, 304 on
 *   `If-None-Match`; `X-Availability-Version` and `X-Snapshot-At` headers.
 * - `PUT /api/availability` (integration or admin): a whole snapshot; `PATCH` (same): a change
 *   (`feedPatch.ts`); both validated (400 `AVAILABILITY_INVALID` by JSON path), stored as a new
 *   version with who and what changed, optional `If-Match` (412 `VERSION_MISMATCH`).
 * - `GET /api/availability/versions?limit=` (signed in): the versions, newest first.
 * - `POST /api/holds { lines, shipPolicy? }` (public): a buyer's cart promise, holding what it
 *   consumes for `cartMinutes`; `GET`/`DELETE /api/holds/:id` (the id is the capability).
 * - `GET /api/promises/:reference` (signed in): the promise audit of an order, quote or hold.
 */
export function availabilityRoutes(
  app: FastifyInstance,
  deps: {
    availability: AvailabilityStore;
    auth: Authenticator;
    clock: Clock;
    holdTimes: HoldTimes;
    holdLimits: HoldLimits;
    /** `ServerConfig.serverKey`: absent, the keys below are random per process. */
    serverKey?: string | undefined;
  },
): void {
  const { availability, auth, clock, holdLimits } = deps;
  // Anonymous hold creations per IP, counted by the sign-in throttle's fixed window.
  const holdIps = new Throttle(holdLimits.perIp, holdLimits.windowMs, () => clock().getTime());
  /** True when signed in; a wrong bearer token still answers 401, a stale cookie is anonymous. */
  const signedIn = async (request: FastifyRequest) => {
    if (request.headers.authorization === undefined && request.headers.cookie === undefined)
      return false;
    try {
      await auth.user(request);
      return true;
    } catch (error) {
      if (request.headers.authorization !== undefined) throw error;
      return false;
    }
  };
  // The keys of the buyer view's opaque ids and of the anonymous clients' ids: derived from the
  // server's secret (stable across restarts and servers), else random per process.
  const secret = deps.serverKey ?? randomBytes(32);
  const viewKey = createHmac('sha256', secret).update('madeto:buyer-view-ids').digest();
  const clientKey = createHmac('sha256', secret).update('madeto:hold-client-ids').digest();
  // Which key made a buyer view's ids, in its ETag: a copy cached under another key (before a
  // restart without a server key) is not confirmed by a 304.
  const viewKeyId = createHash('sha256').update(viewKey).digest('base64url').slice(0, 8);
  const visible = publicIds(availability.models);
  let lastBuyerView: { etag: string; document: unknown } | undefined;
  app.get('/api/availability', async (request, reply) => {
    const full = await signedIn(request);
    const now = clock().toISOString();
    const netted = await availability.netted(now);
    if (!netted)
      throw new HttpError(
        404,
        'AVAILABILITY_NOT_FOUND',
        'no availability snapshot has been fed yet',
      );
    const holds = createHash('sha256')
      .update(
        netted.holds
          .map((h) => h.id)
          .sort()
          .join(','),
      )
      .digest('base64url')
      .slice(0, 16);
    // One ETag per view: a buyer's cached copy never answers a signed-in user's request.
    const etag = `"v${netted.current.version}-${holds}${full ? '' : `-buyer-${viewKeyId}`}"`;
    reply
      .header('etag', etag)
      .header('cache-control', 'no-cache')
      .header('vary', 'Authorization, Cookie')
      .header('x-availability-version', String(netted.current.version))
      .header('x-snapshot-at', netted.current.snapshotAt);
    const match = request.headers['if-none-match'];
    if (
      match !== undefined &&
      String(match)
        .split(',')
        .some((t) => t.trim() === etag)
    )
      return reply.code(304).send();
    if (full) return { ...netted.snapshot, snapshotAt: netted.current.snapshotAt };
    if (lastBuyerView?.etag !== etag)
      lastBuyerView = {
        etag,
        document: {
          ...buyerView(netted.snapshot, {
            version: netted.current.version,
            key: viewKey,
            publicIds: visible,
          }),
          snapshotAt: netted.current.snapshotAt,
        },
      };
    return lastBuyerView.document;
  });

  app.put('/api/availability', async (request, reply) => {
    const user = await auth.user(request);
    requireIntegration(user);
    const expected = ifMatchVersion(request);
    if (!isObject(request.body))
      throw availabilityInvalid([{ path: '$', message: 'a whole snapshot must be a JSON object' }]);
    const body = request.body;
    const now = clock().toISOString();
    const version = await availability.write(
      `${user.name} (${user.role})`,
      now,
      () => ({
        document: { ...body, snapshotAt: body.snapshotAt ?? now },
        change: { kind: 'put' },
      }),
      checkVersion(expected),
    );
    return reply.code(201).header('etag', `"v${version.version}"`).send(version);
  });

  app.patch('/api/availability', async (request, reply) => {
    const user = await auth.user(request);
    requireIntegration(user);
    const expected = ifMatchVersion(request);
    const patch = parseAvailabilityPatch(request.body);
    const now = clock().toISOString();
    const version = await availability.write(
      `${user.name} (${user.role})`,
      now,
      (current) => applyAvailabilityPatch(current!.document, patch, now),
      (current) => {
        if (!current)
          throw new HttpError(
            409,
            'AVAILABILITY_NOT_FOUND',
            'there is no snapshot to change yet: PUT /api/availability a whole one first',
          );
        checkVersion(expected)(current);
      },
    );
    return reply.code(201).header('etag', `"v${version.version}"`).send(version);
  });

  app.get<{ Querystring: { limit?: string } }>('/api/availability/versions', async (request) => {
    await auth.user(request);
    const limit = request.query.limit === undefined ? 100 : Number(request.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new HttpError(400, 'QUERY_INVALID', '?limit must be a whole number from 1 to 1000');
    return { versions: await availability.versions(limit) };
  });

  app.post('/api/holds', async (request, reply) => {
    const anonymous = !(await signedIn(request));
    if (anonymous) {
      const wait = holdIps.retryAfter(request.ip);
      if (wait !== undefined)
        throw Object.assign(
          new HttpError(
            429,
            'TOO_MANY_HOLDS',
            `too many holds from this address (${holdLimits.perIp} in ${holdLimits.windowMs / 1000} s without signing in); try again in ${wait} s`,
          ),
          { retryAfter: wait },
        );
    }
    const body = request.body;
    if (!isObject(body))
      throw new HttpError(
        400,
        'BODY_NOT_OBJECT',
        'the request body must be a JSON object { lines }',
      );
    const extra = Object.keys(body).filter((k) => k !== 'lines' && k !== 'shipPolicy');
    if (extra.length > 0)
      throw new HttpError(400, 'REQUEST_INVALID', `$.${extra[0]}: unknown key`, {
        issues: extra.map((k) => ({ path: `$.${k}`, message: 'unknown key' })),
      });
    const nowDate = clock();
    const now = nowDate.toISOString();
    let request_;
    try {
      request_ = parsePromiseRequest({ ...body, now });
    } catch (error) {
      if (error instanceof SnapshotError)
        throw new HttpError(400, 'REQUEST_INVALID', error.message, { issues: error.issues });
      throw error;
    }
    if (anonymous) {
      const over = request_.lines.flatMap((line, i) =>
        line.quantity > holdLimits.maxLineQuantity
          ? [
              {
                path: `$.lines[${i}].quantity`,
                message: `${line.quantity} is more than ${holdLimits.maxLineQuantity}, the most one line of a hold may take without signing in`,
              },
            ]
          : [],
      );
      if (over.length > 0)
        throw new HttpError(400, 'HOLD_TOO_LARGE', `${over[0]!.path}: ${over[0]!.message}`, {
          issues: over,
        });
    }
    const expiresAt = new Date(
      nowDate.getTime() + deps.holdTimes.cartMinutes * 60_000,
    ).toISOString();
    let held;
    try {
      held = await availability.promiseAndHold({
        kind: 'cart',
        request: request_,
        expiresAt,
        ...(anonymous && {
          client: { id: clientId(clientKey, request.ip), maxActive: holdLimits.activePerIp },
        }),
      });
    } catch (error) {
      if (error instanceof TooManyActiveHolds) {
        const wait = Math.max(
          1,
          Math.ceil((Date.parse(error.firstExpiresAt) - nowDate.getTime()) / 1000),
        );
        throw Object.assign(
          new HttpError(
            429,
            'TOO_MANY_ACTIVE_HOLDS',
            `this address already has ${error.active} active holds, the most ${holdLimits.activePerIp} allowed without signing in; release one (DELETE /api/holds/:id) or try again in ${wait} s, when the first expires`,
          ),
          { retryAfter: wait },
        );
      }
      if (error instanceof PromiseInputError)
        throw new HttpError(400, 'REQUEST_INVALID', error.message, {
          issues: [{ path: error.path, message: error.message }],
        });
      throw error;
    }
    if (!held)
      throw new HttpError(
        404,
        'AVAILABILITY_NOT_FOUND',
        'no availability snapshot has been fed yet',
      );
    if (anonymous) holdIps.fail(request.ip);
    return reply.code(201).send({
      id: held.hold.id,
      expiresAt: held.hold.expiresAt,
      snapshotVersion: held.snapshotVersion,
      promise: promiseSummary(held.result),
    });
  });

  const holdAnswer = async (id: string) => {
    const hold = await availability.hold(id);
    if (!hold) throw new HttpError(404, 'HOLD_NOT_FOUND', `no hold '${id}'`);
    const now = clock().toISOString();
    const state =
      hold.releasedAt !== null ? 'released' : hold.expiresAt <= now ? 'expired' : 'active';
    return {
      id: hold.id,
      state,
      expiresAt: hold.expiresAt,
      ...(hold.releasedAt !== null && { releasedAt: hold.releasedAt, reason: hold.releaseReason }),
      snapshotVersion: hold.snapshotVersion,
    };
  };
  app.get<{ Params: { id: string } }>('/api/holds/:id', async (request) =>
    holdAnswer(request.params.id),
  );
  app.delete<{ Params: { id: string } }>('/api/holds/:id', async (request) => {
    await holdAnswer(request.params.id);
    await availability.release(request.params.id, 'cancelled', clock().toISOString());
    return holdAnswer(request.params.id);
  });

  app.get<{ Params: { reference: string } }>('/api/promises/:reference', async (request) => {
    await auth.user(request);
    return { promises: await availability.audit(request.params.reference) };
  });
}
