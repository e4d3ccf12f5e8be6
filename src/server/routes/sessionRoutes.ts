import type { FastifyInstance } from 'fastify';
import { type meWire } from '../../engine/index.ts';
import type { z } from '../../engine/zod.ts';
import type { Authenticator, SignedInUser } from '../auth/authenticator.ts';
import { HttpError } from '../httpError.ts';

const me = (u: SignedInUser): z.input<typeof meWire> => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  authenticatedBy: u.authenticatedBy,
  ...(u.csrfToken !== undefined && { csrfToken: u.csrfToken }),
});

/** Reads `{ email, password }` (strings of sane length; every other key is refused by name). */
function credentials(body: unknown): { email: string; password: string } {
  const issues: { path: string; message: string }[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(
      400,
      'SIGN_IN_INVALID',
      'the body must be a JSON object { email, password }',
      {
        issues: [{ path: '$', message: 'a JSON object { email, password }' }],
      },
    );
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b))
    if (key !== 'email' && key !== 'password')
      issues.push({ path: `$.${key}`, message: 'unknown field (the body is { email, password })' });
  const email = b['email'];
  const password = b['password'];
  if (typeof email !== 'string' || email.trim() === '' || email.length > 254)
    issues.push({ path: '$.email', message: 'an e-mail address (at most 254 characters)' });
  if (typeof password !== 'string' || password === '' || password.length > 1024)
    issues.push({ path: '$.password', message: 'the password (1 to 1024 characters)' });
  if (issues.length > 0)
    throw new HttpError(
      400,
      'SIGN_IN_INVALID',
      `the sign-in is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { issues },
    );
  return { email: email as string, password: password as string };
}

/**
 * Signing in and out: `POST /api/session { email, password }` (sets the session cookie; answers
 * who signed in with the CSRF token), `DELETE /api/session` (ends it), `GET /api/me` (who is signed
 * in, by cookie or bearer token).
 */
export function sessionRoutes(app: FastifyInstance, auth: Authenticator): void {
  app.post('/api/session', async (request, reply) => {
    const { email, password } = credentials(request.body);
    return me(await auth.signIn(request, reply, email, password));
  });
  app.delete('/api/session', async (request, reply) => {
    try {
      await auth.user(request);
    } catch (e) {
      // An ended session signs out all the same; a missing CSRF token does not (403).
      if (!(e instanceof HttpError && e.code === 'SESSION_EXPIRED')) throw e;
    }
    await auth.signOut(request, reply);
    return reply.code(204).send();
  });
  app.get('/api/me', async (request) => me(await auth.user(request)));
}
