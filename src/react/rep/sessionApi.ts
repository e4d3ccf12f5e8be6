import { meWire, type MeWire } from '../../engine/index.ts';
import { z } from '../../engine/zod.ts';
import { apiCall, QuoteApiError } from './apiCall.ts';

/**
 * Signing in to the reference backend from the rep's pages (`/api/session`): the answer is who is
 * signed in (`meWire`, with the session's `csrfToken`); the session itself is an HttpOnly cookie
 * the page never sees.
 */
export function sessionApi(base: string) {
  const url = `${base}/api/session`;
  return {
    /** Signs in with an e-mail and password (401 `SIGN_IN_FAILED`, 429 `TOO_MANY_ATTEMPTS`). */
    signIn: (email: string, password: string): Promise<MeWire> =>
      apiCall(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        },
        meWire,
      ),
    /** Ends the session (the cookie's; `csrfToken` is that session's). */
    signOut: async (csrfToken: string | undefined): Promise<void> => {
      await apiCall(
        url,
        { method: 'DELETE', headers: csrfToken ? { 'x-csrf-token': csrfToken } : {} },
        z.unknown(),
      );
    },
    /** Who the session cookie signs in; `null` when nobody is (401). */
    me: async (): Promise<MeWire | null> => {
      try {
        return await apiCall(`${base}/api/me`, { method: 'GET' }, meWire);
      } catch (e) {
        if (e instanceof QuoteApiError && e.status === 401) return null;
        throw e;
      }
    },
  };
}

/** The rep pages' sign-in calls (`sessionApi`); stories and tests hand in stand-ins. */
export type SessionApi = ReturnType<typeof sessionApi>;
