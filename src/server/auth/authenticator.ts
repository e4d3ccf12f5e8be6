import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../auth.ts';
import type { UserStore, StoredUser } from '../db/userStore.ts';
import { HttpError } from '../httpError.ts';
import type { ServerUser } from '../users.ts';
import { NO_USER_HASH, verifyPassword } from './password.ts';
import { Throttle } from './throttle.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'madeto_session';
/** How long a session lasts. */
export const SESSION_HOURS = 12;

/** Who a request is signed in as, and how. */
export interface SignedInUser {
  /** The user's id; `token:<role>` for a bearer token's user. */
  id: string;
  name: string;
  email: string | null;
  role: 'rep' | 'manager' | 'admin' | 'integration';
  authenticatedBy: 'session' | 'token';
  /** The session's CSRF token (cookie sessions only). */
  csrfToken?: string;
}

/**
 * The CSRF token of a session: derived from its id (SHA-256 of `csrf:` + id), so nothing more is
 * stored, and only a page that can read the session's JSON answers (the same origin) knows it.
 *
 * @example
 * csrfTokenOf('abc') // 'Jz7…' (base64url)
 */
export const csrfTokenOf = (sessionId: string): string =>
  createHash('sha256').update(`csrf:${sessionId}`).digest('base64url');

/** The value of cookie `name` in a `Cookie` header (undefined when absent). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How many failures lock what, for how long (see the README, "Signing in"). */
export interface ThrottleLimits {
  accountFailures: number;
  ipFailures: number;
  signInWindowMs: number;
  tokenFailures: number;
  tokenWindowMs: number;
}

/** The defaults: 5 per account, 20 per IP in 15 minutes; 20 wrong bearer tokens per IP a minute. */
export const DEFAULT_THROTTLE: ThrottleLimits = {
  accountFailures: 5,
  ipFailures: 20,
  signInWindowMs: 15 * 60_000,
  tokenFailures: 20,
  tokenWindowMs: 60_000,
};

const tooMany = (seconds: number, what: string) =>
  Object.assign(
    new HttpError(429, 'TOO_MANY_ATTEMPTS', `too many failed ${what}; try again in ${seconds} s`),
    { retryAfter: seconds },
  );

/**
 * Signs requests in: by the session cookie (people; unsafe methods also need the session's
 * `X-CSRF-Token`) or by `Authorization: Bearer` (machine clients, the configured tokens). Keeps the
 * failure counters: sign-ins per account and per IP, bearer tokens per IP.
 */
export class Authenticator {
  readonly accounts: Throttle;
  readonly signInIps: Throttle;
  readonly tokenIps: Throttle;

  constructor(
    private readonly users: UserStore,
    private readonly tokens: readonly ServerUser[],
    private readonly clock: () => Date = () => new Date(),
    limits: ThrottleLimits = DEFAULT_THROTTLE,
  ) {
    const now = () => this.clock().getTime();
    this.accounts = new Throttle(limits.accountFailures, limits.signInWindowMs, now);
    this.signInIps = new Throttle(limits.ipFailures, limits.signInWindowMs, now);
    this.tokenIps = new Throttle(limits.tokenFailures, limits.tokenWindowMs, now);
  }

  /** 429 when bearer sign-in from this IP is locked. */
  checkTokenLock(ip: string): void {
    const wait = this.tokenIps.retryAfter(ip);
    if (wait !== undefined) throw tooMany(wait, 'bearer tokens from this address');
  }

  /**
   * Who `request` is signed in as; throws 401 (`TOKEN_REQUIRED`, `TOKEN_INVALID`,
   * `SESSION_EXPIRED`), 403 `CSRF_TOKEN_INVALID` or 429 `TOO_MANY_ATTEMPTS`.
   */
  async user(request: FastifyRequest): Promise<SignedInUser> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      // The lock is checked, and failures counted, for every route by hooks (see `buildApp`).
      const u = authenticate(header, this.tokens);
      return { id: `token:${u.role}`, ...u, email: null, authenticatedBy: 'token' };
    }
    const id = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (id === undefined)
      throw new HttpError(
        401,
        'TOKEN_REQUIRED',
        'sign in first (POST /api/session), or send "Authorization: Bearer <token>"',
      );
    const found = /^[A-Za-z0-9_-]{20,100}$/.test(id)
      ? await this.users.sessionUser(id, this.clock().toISOString())
      : undefined;
    if (!found) throw new HttpError(401, 'SESSION_EXPIRED', 'the session has ended: sign in again');
    const csrfToken = csrfTokenOf(id);
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== csrfToken)
      throw new HttpError(
        403,
        'CSRF_TOKEN_INVALID',
        `a ${request.method} signed in by the session cookie needs the header X-CSRF-Token (the csrfToken of GET /api/me)`,
      );
    return this.signedIn(found.user, csrfToken);
  }

  private signedIn(u: StoredUser, csrfToken: string): SignedInUser {
    return {
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      authenticatedBy: 'session',
      csrfToken,
    };
  }

  /**
   * Checks an e-mail and password (throttled per account and per IP), stores a new session and
   * sets its cookie. Throws 401 `SIGN_IN_FAILED` (one message whether the e-mail or the password
   * was wrong) or 429 `TOO_MANY_ATTEMPTS`.
   */
  async signIn(
    request: FastifyRequest,
    reply: FastifyReply,
    email: string,
    password: string,
  ): Promise<SignedInUser> {
    const account = email.trim().toLowerCase();
    const wait = Math.max(
      this.accounts.retryAfter(account) ?? 0,
      this.signInIps.retryAfter(request.ip) ?? 0,
    );
    if (wait > 0) throw tooMany(wait, 'sign-ins');
    const user = await this.users.byEmail(account);
    const ok = await verifyPassword(password, user?.passwordHash ?? NO_USER_HASH);
    if (!user || !ok) {
      this.accounts.fail(account);
      this.signInIps.fail(request.ip);
      throw new HttpError(401, 'SIGN_IN_FAILED', 'the e-mail address or the password is wrong');
    }
    this.accounts.reset(account);
    const id = randomBytes(32).toString('base64url');
    const now = this.clock();
    const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
    await this.users.createSession(id, user.id, now.toISOString(), expires.toISOString());
    const secure = request.protocol === 'https' ? '; Secure' : '';
    reply.header(
      'set-cookie',
      `${SESSION_COOKIE}=${id}; Path=/api; HttpOnly; SameSite=Strict; Max-Age=${SESSION_HOURS * 3600}${secure}`,
    );
    return this.signedIn(user, csrfTokenOf(id));
  }

  /** Ends the request's cookie session (if any) and clears the cookie. */
  async signOut(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const id = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (id !== undefined) await this.users.deleteSession(id);
    reply.header(
      'set-cookie',
      `${SESSION_COOKIE}=; Path=/api; HttpOnly; SameSite=Strict; Max-Age=0`,
    );
  }
}

/**
 * Refuses (403 `MANAGER_REQUIRED`) a user who is neither a manager nor an admin; `what` names the
 * action.
 *
 * @example
 * requireApprover({ name: 'Rita', role: 'rep' }, 'approving quote RQ-2026-000001') // throws 403
 */
export function requireApprover(user: { name: string; role: string }, what: string): void {
  if (user.role !== 'manager' && user.role !== 'admin')
    throw new HttpError(
      403,
      'MANAGER_REQUIRED',
      `${what} needs a manager: ${user.name} is signed in as a ${user.role}; sign in as a manager`,
    );
}
