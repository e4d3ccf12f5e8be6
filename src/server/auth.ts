import { timingSafeEqual } from 'node:crypto';
import { HttpError } from './httpError.ts';

/**
 * Checks a sales rep's `Authorization: Bearer <token>` header in constant time. Throws a 401
 * `HttpError` when it is missing or wrong, and a 403 when the server has no rep token configured.
 *
 * @example
 * requireRep('Bearer s3cret', 's3cret') // passes
 */
export function requireRep(header: string | undefined, token: string | undefined): void {
  if (!token)
    throw new HttpError(
      403,
      'REP_ACCESS_DISABLED',
      'listing orders and quotes is disabled: the server has no rep token (MADETO_REP_TOKEN)',
    );
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (given === undefined)
    throw new HttpError(
      401,
      'TOKEN_REQUIRED',
      'this endpoint needs "Authorization: Bearer <rep token>"',
    );
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new HttpError(401, 'TOKEN_INVALID', 'the rep token in the Authorization header is wrong');
}
