/** What a signed-in user may do: a rep quotes; a manager also approves quotes past a guardrail. */
export type UserRole = 'rep' | 'manager' | 'integration';

/** The shortest bearer token the server accepts (configured or given). */
export const MIN_TOKEN_LENGTH = 16;

/** A person the server knows by bearer token. */
export interface ServerUser {
  token: string;
  /** Recorded on what they create or approve (revisions, approvals). */
  name: string;
  role: UserRole;
}

/** The signed-in user as the API shows it (never the token). */
export type UserIdentity = Omit<ServerUser, 'token'>;

/**
 * The users of `madeto serve` from the environment: `MADETO_REP_TOKEN` (a rep named by
 * `MADETO_REP_NAME`, default "Sales rep"), `MADETO_MANAGER_TOKEN` (a manager named by
 * `MADETO_MANAGER_NAME`, default "Sales manager") and `MADETO_INTEGRATION_TOKEN` (the ERP's
 * availability feed, named by `MADETO_INTEGRATION_NAME`, default "Availability feed"). An empty or absent token adds no user.
 *
 * @example
 * usersFromEnv({ MADETO_REP_TOKEN: 'r', MADETO_MANAGER_TOKEN: 'm', MADETO_MANAGER_NAME: 'Mara' })
 * // [{ token: 'r', name: 'Sales rep', role: 'rep' }, { token: 'm', name: 'Mara', role: 'manager' }]
 */
export function usersFromEnv(env: Record<string, string | undefined>): ServerUser[] {
  const user = (
    token: string | undefined,
    name: string | undefined,
    fallback: string,
    role: UserRole,
  ) => (token ? [{ token, name: name?.trim() || fallback, role }] : []);
  return [
    ...user(env['MADETO_REP_TOKEN'], env['MADETO_REP_NAME'], 'Sales rep', 'rep'),
    ...user(env['MADETO_MANAGER_TOKEN'], env['MADETO_MANAGER_NAME'], 'Sales manager', 'manager'),
    ...user(
      env['MADETO_INTEGRATION_TOKEN'],
      env['MADETO_INTEGRATION_NAME'],
      'Availability feed',
      'integration',
    ),
  ];
}

/**
 * Everyone the server accepts: `users`, plus the legacy `repToken` as a rep named "Sales rep"
 * unless a user already holds that token. Throws (a configuration error, code `USERS_INVALID`)
 * when two users share a token.
 *
 * @example
 * resolveUsers({ repToken: 't', users: [] }) // [{ token: 't', name: 'Sales rep', role: 'rep' }]
 */
export function resolveUsers(config: {
  users?: readonly ServerUser[] | undefined;
  repToken?: string | undefined;
}): readonly ServerUser[] {
  const users = [...(config.users ?? [])];
  if (config.repToken && !users.some((u) => u.token === config.repToken))
    users.push({ token: config.repToken, name: 'Sales rep', role: 'rep' });
  const short = users.find((u) => u.token.length < MIN_TOKEN_LENGTH);
  if (short)
    throw Object.assign(
      new Error(
        `config.users: the token of ${short.name} (${short.role}) has ${short.token.length} characters; a token needs at least ${MIN_TOKEN_LENGTH} (e.g. openssl rand -hex 16)`,
      ),
      { code: 'USERS_INVALID' },
    );
  const tokens = new Set(users.map((u) => u.token));
  if (tokens.size !== users.length)
    throw Object.assign(
      new Error('config.users: two users have the same token; give each person their own'),
      { code: 'USERS_INVALID' },
    );
  return users;
}
