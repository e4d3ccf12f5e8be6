import { timingSafeEqual } from 'node:crypto';
import { HttpError } from './httpError.ts';
import { MIN_TOKEN_LENGTH, type ServerUser, type UserIdentity } from './users.ts';

const same = (given: string, token: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The user signed in by `Authorization: Bearer <token>` (tokens compared in constant time): any
 * role may list and quote. Throws a 401 `HttpError` when the header is missing or the token is
 * unknown, and a 403 when the server has no users configured.
 *
 * @example
 * authenticate('Bearer s3cret', [{ token: 's3cret', name: 'Rita', role: 'rep' }]) // { name: 'Rita', role: 'rep' }
 */
export function authenticate(
  header: string | undefined,
  users: readonly ServerUser[],
): UserIdentity {
  if (users.length === 0)
    throw new HttpError(
      403,
      'REP_ACCESS_DISABLED',
      'listing orders and quotes is disabled: the server has no rep or manager token (MADETO_REP_TOKEN, MADETO_MANAGER_TOKEN)',
    );
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (given === undefined)
    throw new HttpError(
      401,
      'TOKEN_REQUIRED',
      'this endpoint needs "Authorization: Bearer <rep or manager token>"',
    );
  // Every token is compared, so the time taken does not tell which one nearly matched.
  let found: ServerUser | undefined;
  for (const u of users) if (same(given, u.token)) found = u;
  // A token shorter than any the server accepts is never one (configured ones are checked too).
  if (given.length < MIN_TOKEN_LENGTH) found = undefined;
  if (!found)
    throw new HttpError(
      401,
      'TOKEN_INVALID',
      'the token in the Authorization header belongs to no rep or manager',
    );
  return { name: found.name, role: found.role };
}

/**
 * Refuses (403 `MANAGER_REQUIRED`) a user who is not a manager; `what` names the action.
 *
 * @example
 * requireManager({ name: 'Rita', role: 'rep' }, 'approving quote RQ-2026-000001') // throws 403
 */
export function requireManager(user: UserIdentity, what: string): void {
  if (user.role !== 'manager')
    throw new HttpError(
      403,
      'MANAGER_REQUIRED',
      `${what} needs a manager: ${user.name} is signed in as a ${user.role}; sign in with a manager's token`,
    );
}
