import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Catalogue } from './catalogue.ts';
import type { ServerConfig } from './config.ts';
import type { SubmissionStore } from './db/submissionStore.ts';
import { HttpError, type ErrorBody } from './httpError.ts';
import { catalogueRoutes } from './routes/catalogueRoutes.ts';
import { listRoutes } from './routes/listRoutes.ts';
import type { QuoteRevisionStore } from './db/quoteRevisionStore.ts';
import { quoteRoutes } from './routes/quoteRoutes.ts';
import { sharedQuoteRoutes } from './routes/sharedQuoteRoutes.ts';
import { submitRoutes } from './routes/submitRoutes.ts';
import { authenticate } from './auth.ts';
import { resolveUsers } from './users.ts';
import type { Verifier } from './verifier.ts';

/** Fastify's own errors, renamed into the server's stable codes with a message naming the problem. */
function fastifyError(error: FastifyError, limit: number): { status: number; body: ErrorBody } {
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  const code = error.code ?? '';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return {
      status: 413,
      body: {
        error: { code: 'BODY_TOO_LARGE', message: `the request body exceeds ${limit} bytes` },
      },
    };
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return {
      status: 415,
      body: {
        error: {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'send the body as Content-Type: application/json',
        },
      },
    };
  if (code.startsWith('FST_ERR_CTP') || error instanceof SyntaxError)
    return {
      status: 400,
      body: {
        error: {
          code: 'MALFORMED_JSON',
          message: `the request body is not valid JSON: ${error.message}`,
        },
      },
    };
  if (status < 500)
    return { status, body: { error: { code: code || 'BAD_REQUEST', message: error.message } } };
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal server error' } } };
}

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
}): Promise<FastifyInstance> {
  const { config } = deps;
  const users = resolveUsers(config);
  const app = Fastify({ logger: config.log, bodyLimit: config.bodyLimit });
  await app.register(cors, {
    origin: config.origins.length > 0 ? [...config.origins] : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'],
    exposedHeaders: ['Idempotent-Replayed'],
    maxAge: 600,
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return reply.code(error.status).send(error.body());
    const { status, body } = fastifyError(error, config.bodyLimit);
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
  app.get('/api/me', async (request) => authenticate(request.headers.authorization, users));
  catalogueRoutes(app, deps.catalogue);
  const submit = submitRoutes(app, { ...deps, users });
  listRoutes(app, { ...deps, users });
  quoteRoutes(app, { ...deps, ...submit, users });
  sharedQuoteRoutes(app, { ...deps, ...submit });
  return app;
}
