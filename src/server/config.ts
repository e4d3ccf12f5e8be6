import { availableParallelism } from 'node:os';
import type { ServerUser } from './users.ts';

/** Where submissions are stored: an embedded SQLite file, or a PostgreSQL database. */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** How long holds last: a buyer's cart (minutes), an order until the feed carries it. */
export interface HoldTimes {
  cartMinutes: number;
  orderMinutes: number;
  /** A quote request without `quote.validUntil`. */
  quoteDays: number;
}

/** The defaults: carts 30 minutes, orders 3 days, quotes without a validity 14 days. */
export const DEFAULT_HOLD_TIMES: HoldTimes = {
  cartMinutes: 30,
  orderMinutes: 3 * 24 * 60,
  quoteDays: 14,
};

/** What anonymous callers of `POST /api/holds` may take (signed-in users are not limited). */
export interface HoldLimits {
  /** Holds one IP address may create in `windowMs`; then 429 `TOO_MANY_HOLDS` with Retry-After. */
  perIp: number;
  windowMs: number;
  /** The largest `quantity` of one line of an anonymous hold. */
  maxLineQuantity: number;
  /**
   * Active (unexpired, unreleased) anonymous holds one IP address may have at once; then 429
   * `TOO_MANY_ACTIVE_HOLDS` with Retry-After (until its first hold expires).
   */
  activePerIp: number;
  /**
   * Active holds one signed-in user's rep quotes may have at once (one per quote); a quote saved
   * past it is stored without a hold, and its answer says so (`hold.refused`).
   */
  activePerRep: number;
}

/**
 * The defaults: 10 anonymous holds per IP a minute, 20 active at once, at most 50 of a line; 500
 * held rep quotes per user.
 */
export const DEFAULT_HOLD_LIMITS: HoldLimits = {
  perIp: 10,
  windowMs: 60_000,
  maxLineQuantity: 50,
  activePerIp: 20,
  activePerRep: 500,
};

/** Everything `madeto serve` is configured with. */
export interface ServerConfig {
  /** 0 picks a free port. */
  port: number;
  host: string;
  database: DatabaseConfig;
  /** The directory holding index.json, the models, pricing.json and availability.json. */
  catalogueDir: string;
  /** Shop origins allowed by CORS (exact origins such as `https://shop.example`). */
  origins: readonly string[];
  /**
   * Who may sign in, each by bearer token, with a name and a role (`rep` or `manager`); see
   * `usersFromEnv`. Absent and no `repToken`: the rep endpoints refuse (403).
   */
  users?: readonly ServerUser[] | undefined;
  /** Legacy: one rep's token (a rep named "Sales rep"); prefer `users`. */
  repToken?: string | undefined;
  /** The largest request body in bytes. */
  bodyLimit: number;
  /**
   * Milliseconds a request (headers and body) may take to arrive; a slower one gets 408
   * `REQUEST_TIMEOUT` and its connection is closed. An idle keep-alive connection is closed after
   * the same time.
   */
  requestTimeout: number;
  /** Also recompute the promise of each order (its differences are warnings only). */
  verifyPromise: boolean;
  /** Worker threads verifying orders (0: the event loop verifies). */
  verifyWorkers: number;
  /** Fastify's request log on stdout. */
  log: boolean;
  /** How long holds last (default `DEFAULT_HOLD_TIMES`). */
  holdTimes?: HoldTimes | undefined;
  /** What anonymous holds may take (default `DEFAULT_HOLD_LIMITS`). */
  holdLimits?: HoldLimits | undefined;
  /**
   * The server's secret (`MADETO_SERVER_KEY`, at least 32 characters), from which the keys of
   * the buyer view's opaque ids and of anonymous clients' ids are derived, so that both survive a
   * restart and agree between servers sharing a database. Absent: a random key per process (after
   * a restart every opaque id is new, and an address's earlier holds stop counting towards its cap
   * until they expire).
   */
  serverKey?: string | undefined;
}

/** Defaults of the reference backend. */
export const DEFAULT_CONFIG: ServerConfig = {
  port: 8787,
  host: '127.0.0.1',
  database: { kind: 'sqlite', file: '.data/madeto.sqlite' },
  catalogueDir: 'public/catalogue',
  origins: [],
  bodyLimit: 256 * 1024,
  requestTimeout: 30_000,
  verifyPromise: false,
  verifyWorkers: Math.min(4, availableParallelism()),
  log: false,
};
