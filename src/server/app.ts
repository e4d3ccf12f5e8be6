import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { readJsonBytes } from '../engine/index.ts';
import type { Catalogue } from './catalogue.ts';
import type { ServerConfig } from './config.ts';
import type { SubmissionStore } from './db/submissionStore.ts';
import { systemClock, type Clock } from './clock.ts';
import { clientErrorHandler, fastifyErrorAnswer } from './frameworkErrors.ts';
import { HttpError, type ErrorBody } from './httpError.ts';
import { catalogueRoutes } from './routes/catalogueRoutes.ts';
import { pictureRoutes } from './routes/pictureRoutes.ts';
import { listRoutes } from './routes/listRoutes.ts';
import type { QuoteRevisionStore } from './db/quoteRevisionStore.ts';
import { quoteRoutes } from './routes/quoteRoutes.ts';
import { sharedQuoteRoutes } from './routes/sharedQuoteRoutes.ts';
import { submitRoutes } from './routes/submitRoutes.ts';
import { resolveUsers } from './users.ts';
import type { Verifier } from './verifier.ts';
import { Authenticator } from './auth/authenticator.ts';
import {
  DEFAULT_INSIGHT_SETTINGS,
  type InsightSettings,
  type SellerConfig,
} from '../engine/index.ts';
import { QuoteEventStore } from './db/quoteEventStore.ts';
import type { UserStore } from './db/userStore.ts';
import type { Db } from './db/createDb.ts';
import type { MailCatcher } from './mail/mailCatcher.ts';
import type { Mailer } from './mail/mailer.ts';
import { DEFAULT_SELLER } from './seller.ts';
import { pipelineRoutes } from './routes/pipelineRoutes.ts';
import { quoteActionRoutes } from './routes/quoteActionRoutes.ts';
import { QuoteViews } from './routes/quoteViews.ts';
import { sessionRoutes } from './routes/sessionRoutes.ts';
import { AvailabilityStore } from './db/availabilityStore.ts';
import { availabilityRoutes } from './routes/availabilityRoutes.ts';
import { DEFAULT_HOLD_LIMITS, DEFAULT_HOLD_TIMES } from './config.ts';
import { insightRoutes } from './routes/insightRoutes.ts';
import { InsightStore } from './db/insightStore.ts';

/**
 * The reference backend as a Fastify app (not yet listening): catalogue, pricing and
 * availability; orders and quote requests verified by the engine and stored with their
 * idempotency key; the reps' quotes with revisions and approvals (`quoteRoutes`) and the
 * customer's share link; listings for reps and managers, each signed in by their own token
 * (`config.users`; `GET /api/me` tells who a token belongs to). Every error is JSON
 * (`ErrorBody`); CORS is allowed for the configured shop origins only.
 *
 * @example
 * const app = await buildApp({ config, catalogue, store, verifier, quotes });
 * await app.listen({ port: 0 });
 */
export async function buildApp(deps: {
  config: ServerConfig;
  catalogue: Catalogue;
  store: SubmissionStore;
  verifier: Verifier;
  quotes: QuoteRevisionStore;
  /** The current time (default: the machine's); "today" is its date at the plant. */
  clock?: Clock;
  /** People who sign in, and their sessions. */
  accounts: UserStore;
  /** The database (for the quote events). */
  db: Db;
  /** The seller on the customer's document (default: `DEFAULT_SELLER`). */
  seller?: SellerConfig | undefined;
  /** The shop's insight settings, `insights.json` (default: `DEFAULT_INSIGHT_SETTINGS`). */
  insightSettings?: InsightSettings | undefined;
  /** Sends quotes by e-mail; absent: `send` answers 503 naming `mailMissing`. */
  mailer?: Mailer | undefined;
  mailMissing?: readonly string[] | undefined;
  /** `npm start`'s mail catcher, served at `GET /api/dev/mail`. */
  devMail?: MailCatcher | undefined;
}): Promise<FastifyInstance> {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const users = resolveUsers(config);
  const auth = new Authenticator(deps.accounts, users, clock);
  const events = new QuoteEventStore(deps.db);
  const availability = new AvailabilityStore(deps.db, deps.catalogue.models);
  const views = new QuoteViews({
    catalogue: deps.catalogue,
    quotes: deps.quotes,
    events,
    seller: deps.seller ?? DEFAULT_SELLER,
    clock,
    availability,
    holdTimes: config.holdTimes ?? DEFAULT_HOLD_TIMES,
    holdLimits: config.holdLimits ?? DEFAULT_HOLD_LIMITS,
  });
  const app = Fastify({
    logger: config.log,
    bodyLimit: config.bodyLimit,
    // A request must arrive in full within requestTimeout (408), an idle connection is closed.
    requestTimeout: config.requestTimeout,
    connectionTimeout: config.requestTimeout * 4,
    keepAliveTimeout: Math.min(config.requestTimeout, 5_000),
    http: {
      requestTimeout: config.requestTimeout,
      headersTimeout: config.requestTimeout,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, config.requestTimeout / 4)),
    },
    clientErrorHandler: clientErrorHandler(config.requestTimeout),
    frameworkErrors: (error, _request, reply) => {
      const { status, body } = fastifyErrorAnswer(error, config.bodyLimit);
      return (reply as FastifyReply).code(status).send(body);
    },
  });
  // JSON only, read strictly: UTF-8 (invalid bytes refused), a syntax error named by line and
  // column, depth and `__proto__` keys refused by JSON path. No other media type is parsed (415),
  // so a `text/plain` body is never read as `{}`.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, raw, done) => {
    const read = readJsonBytes(raw as Buffer);
    if (read.ok) return done(null, read.value);
    const { code, path, message } = read.problem;
    const where = path ?? '$';
    done(
      new HttpError(400, code, `the request body is not accepted: ${where}: ${message}`, {
        issues: [{ path: where, message }],
      }),
      undefined,
    );
  });
  await app.register(cors, {
    origin: config.origins.length > 0 ? [...config.origins] : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'Content-Type',
      'Idempotency-Key',
      'Authorization',
      'X-CSRF-Token',
      'If-None-Match',
      'If-Match',
      'Madeto-Hold',
    ],
    exposedHeaders: ['Idempotent-Replayed', 'ETag', 'X-Availability-Version', 'X-Snapshot-At'],
    maxAge: 600,
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      const wait = (error as HttpError & { retryAfter?: number }).retryAfter;
      if (wait !== undefined) reply.header('retry-after', String(wait));
      return reply.code(error.status).send(error.body());
    }
    const { status, body } = fastifyErrorAnswer(error, config.bodyLimit);
    if (status >= 500) request.log.error(error);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `no endpoint ${request.method} ${request.url.split('?')[0]}`,
      },
    } satisfies ErrorBody),
  );
  app.get('/api/health', async () => ({ status: 'ok' }));
  // Wrong bearer tokens, on any route: 20 from one address in a minute lock it out for the rest
  // of the minute (429 with Retry-After), before any token is compared.
  app.addHook('onRequest', async (request) => {
    if (request.headers.authorization !== undefined) auth.checkTokenLock(request.ip);
  });
  app.addHook('onResponse', async (request, reply) => {
    if (request.headers.authorization !== undefined && reply.statusCode === 401)
      auth.tokenIps.fail(request.ip);
  });
  sessionRoutes(app, auth);
  catalogueRoutes(app, deps.catalogue);
  // The catalogue's availability.json is version 1 of the feed when the database has none.
  if (deps.catalogue.snapshotJson !== undefined)
    await availability.seed(deps.catalogue.snapshotJson, clock().toISOString());
  const holdTimes = config.holdTimes ?? DEFAULT_HOLD_TIMES;
  const holdLimits = config.holdLimits ?? DEFAULT_HOLD_LIMITS;
  availabilityRoutes(app, {
    availability,
    auth,
    clock,
    holdTimes,
    holdLimits,
    serverKey: config.serverKey,
  });
  const submit = submitRoutes(app, { ...deps, clock, users, availability, holdTimes });
  listRoutes(app, { ...deps, auth });
  pictureRoutes(app, { ...deps, auth, catalogueDir: config.catalogueDir });
  const insights = new InsightStore(deps.db);
  const routeDeps = { ...deps, ...submit, auth, events, views, clock, insights };
  quoteRoutes(app, routeDeps);
  sharedQuoteRoutes(app, routeDeps);
  pipelineRoutes(app, routeDeps);
  quoteActionRoutes(app, { ...routeDeps, availability, mailMissing: deps.mailMissing ?? [] });
  insightRoutes(app, {
    ...routeDeps,
    availability,
    settings: deps.insightSettings ?? DEFAULT_INSIGHT_SETTINGS,
  });
  return app;
}
