import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canonicalJson } from '../../engine/index.ts';
import {
  IdempotencyKeyTaken,
  type IdempotencyClaim,
  type QuoteIdempotencyStore,
  type StoredIdempotency,
} from '../db/quoteIdempotencyStore.ts';
import { HttpError } from '../httpError.ts';
import type { SignedInUser } from '../auth/authenticator.ts';

/** An answer a save route sends: its status and JSON body. */
export interface SaveAnswer {
  statusCode: number;
  body: unknown;
}

/**
 * The `Idempotency-Key` header of a request: absent, or 1 to 255 visible ASCII characters
 * (400 `IDEMPOTENCY_KEY_INVALID` otherwise).
 */
export function idempotencyKeyHeader(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header === 'string' && /^[\x21-\x7e]{1,255}$/.test(header)) return header;
  throw new HttpError(
    400,
    'IDEMPOTENCY_KEY_INVALID',
    `the Idempotency-Key header must be one value of 1 to 255 visible ASCII characters (such as a UUID), not ${JSON.stringify(header)}`,
  );
}

/**
 * Runs a rep quote save (`save`, handed the key's claim to store in its transaction) at most
 * once per user and `Idempotency-Key`: without the header it just runs; with a key already used
 * for the same request (`target` and body) it answers what the first one answered (marked by the
 * header `idempotent-replayed: true`); for another request, 422 `IDEMPOTENCY_KEY_REUSED`.
 * `rebuild` makes the answer again from the saved revision when the first answer was never
 * stored (the process stopped after the save).
 */
export async function idempotentSave(args: {
  request: FastifyRequest;
  reply: FastifyReply;
  user: Pick<SignedInUser, 'id' | 'name' | 'role' | 'authenticatedBy'>;
  /** What is saved, e.g. `POST /api/quotes/RQ-2026-000001/revisions`: part of the request's hash. */
  target: string;
  keys: QuoteIdempotencyStore;
  /** When the key is claimed (the server's clock). */
  now: Date;
  save: (claim: IdempotencyClaim | undefined) => Promise<SaveAnswer>;
  rebuild: (number: string, revision: number) => Promise<SaveAnswer>;
}): Promise<unknown> {
  const { request, reply, keys } = args;
  const key = idempotencyKeyHeader(request.headers['idempotency-key']);
  if (key === undefined) {
    const answer = await args.save(undefined);
    return reply.code(answer.statusCode).send(answer.body);
  }
  // Scoped per user: a person by their id in the database (their keys stay theirs when renamed or
  // given another role; two people of the same name have their own), a bearer token's user by
  // role and name (as stored before users had ids).
  const { user } = args;
  const scope =
    user.authenticatedBy === 'session'
      ? `user:${user.id}`
      : `${user.role === 'admin' ? 'manager' : user.role}:${user.name}`;
  const requestHash = createHash('sha256')
    .update(canonicalJson({ target: args.target, body: request.body ?? null }))
    .digest('hex');
  const replay = async (stored: StoredIdempotency) => {
    if (stored.requestHash !== requestHash)
      throw new HttpError(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        `the Idempotency-Key '${key}' was already used for another request (it saved ${stored.number} revision ${stored.revision}); send a new key for a new save`,
      );
    let answer = stored.answer;
    if (!answer) {
      answer = await args.rebuild(stored.number, stored.revision);
      await keys.answer(scope, key, answer.statusCode, answer.body);
    }
    return reply.code(answer.statusCode).header('idempotent-replayed', 'true').send(answer.body);
  };

  const first = await keys.find(scope, key);
  if (first) return replay(first);
  let answer: SaveAnswer;
  try {
    answer = await args.save({ scope, key, requestHash, createdAt: args.now.toISOString() });
  } catch (e) {
    if (!(e instanceof IdempotencyKeyTaken)) throw e;
    const winner = await keys.find(scope, key);
    if (!winner)
      throw new Error(`idempotency key '${key}' vanished after a concurrent save`, { cause: e });
    return replay(winner);
  }
  await keys.answer(scope, key, answer.statusCode, answer.body);
  return reply.code(answer.statusCode).send(answer.body);
}
