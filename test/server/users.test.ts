import { describe, expect, it } from 'vitest';
import { authenticate, requireManager } from '../../src/server/auth.ts';
import { HttpError } from '../../src/server/httpError.ts';
import { resolveUsers, usersFromEnv, type ServerUser } from '../../src/server/users.ts';

const rita: ServerUser = { token: 'rep-token-1-0123456789', name: 'Rita Rep', role: 'rep' };
const mara: ServerUser = {
  token: 'manager-token-1-0123456789',
  name: 'Mara Manager',
  role: 'manager',
};

const thrown = (f: () => unknown): { status: number; code: string } | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof HttpError) return { status: e.status, code: e.code };
    throw e;
  }
  return undefined;
};

describe('users from the environment', () => {
  it.each([
    [{}, []],
    [{ MADETO_REP_TOKEN: '' }, []],
    [{ MADETO_REP_TOKEN: 'r' }, [{ token: 'r', name: 'Sales rep', role: 'rep' }]],
    [
      { MADETO_REP_TOKEN: 'r', MADETO_REP_NAME: ' Rita ', MADETO_MANAGER_TOKEN: 'm' },
      [
        { token: 'r', name: 'Rita', role: 'rep' },
        { token: 'm', name: 'Sales manager', role: 'manager' },
      ],
    ],
    [
      { MADETO_MANAGER_TOKEN: 'm', MADETO_MANAGER_NAME: 'Mara' },
      [{ token: 'm', name: 'Mara', role: 'manager' }],
    ],
    [
      { MADETO_INTEGRATION_TOKEN: 'f' },
      [{ token: 'f', name: 'Availability feed', role: 'integration' }],
    ],
  ])('%j → %j', (env, users) => {
    expect(usersFromEnv(env)).toEqual(users);
  });

  it.each([
    [
      { repToken: 'legacy-token-0123456789' },
      [{ token: 'legacy-token-0123456789', name: 'Sales rep', role: 'rep' }],
    ],
    [{ repToken: rita.token, users: [rita, mara] }, [rita, mara]],
    [
      { repToken: 'other-token-0123456789', users: [mara] },
      [mara, { token: 'other-token-0123456789', name: 'Sales rep', role: 'rep' }],
    ],
    [{ users: [] }, []],
  ] as const)('resolveUsers(%j) → %j', (config, users) => {
    expect(resolveUsers(config)).toEqual(users);
  });

  it.each([['r'], ['a'.repeat(15)]])(
    'refuses a configured token of %j (shorter than 16 characters), naming its user',
    (token) => {
      expect(() => resolveUsers({ users: [{ ...rita, token }] })).toThrow(
        /the token of Rita Rep \(rep\) has \d+ characters; a token needs at least 16/,
      );
    },
  );

  it('refuses two users with one token', () => {
    expect(() => resolveUsers({ users: [rita, { ...mara, token: rita.token }] })).toThrow(
      /two users have the same token/,
    );
  });
});

describe('authenticate and requireManager', () => {
  it.each([
    ['Bearer rep-token-1-0123456789', [rita, mara], undefined, { name: 'Rita Rep', role: 'rep' }],
    [
      'Bearer manager-token-1-0123456789',
      [rita, mara],
      undefined,
      { name: 'Mara Manager', role: 'manager' },
    ],
    [undefined, [rita, mara], { status: 401, code: 'TOKEN_REQUIRED' }, undefined],
    ['Basic cml0YQ==', [rita], { status: 401, code: 'TOKEN_REQUIRED' }, undefined],
    ['Bearer rep-token-2', [rita, mara], { status: 401, code: 'TOKEN_INVALID' }, undefined],
    ['Bearer rep-token-1x', [rita], { status: 401, code: 'TOKEN_INVALID' }, undefined],
    ['Bearer rep-token-1-0123456789', [], { status: 403, code: 'REP_ACCESS_DISABLED' }, undefined],
    // Defect 13 of issue 16: a short token is refused before any comparison.
    ['Bearer r', [{ ...rita, token: 'r' }], { status: 401, code: 'TOKEN_INVALID' }, undefined],
  ] as const)('%s among %j → %j %j', (header, users, error, user) => {
    expect(thrown(() => authenticate(header, users))).toEqual(error);
    if (user) expect(authenticate(header, users)).toEqual(user);
  });

  it.each([
    [
      { name: 'Rita Rep', role: 'rep' },
      { status: 403, code: 'MANAGER_REQUIRED' },
    ],
    [{ name: 'Mara Manager', role: 'manager' }, undefined],
  ] as const)('requireManager(%j) → %j', (user, error) => {
    expect(thrown(() => requireManager(user, 'approving quote RQ-2026-000001'))).toEqual(error);
  });
});
