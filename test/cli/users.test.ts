import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/db/createDb.ts';
import { UserStore } from '../../src/server/db/userStore.ts';
import { verifyPassword } from '../../src/server/auth/password.ts';
import { tempDb } from '../server/serverProcess.ts';
import { main } from '../../src/cli/main.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `madeto users …` with `input` on stdin. */
const users = (args: string[], input = '') => {
  const r = spawnSync(process.execPath, ['bin/madeto.js', 'users', ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, DATABASE_URL: '' },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

describe('madeto users add', () => {
  const db = tempDb();
  const stored = async (email: string) => {
    const d = openDb({ kind: 'sqlite', file: db });
    try {
      return await new UserStore(d).byEmail(email);
    } finally {
      await d.close();
    }
  };

  it('stores a password piped on stdin as a scrypt hash, and prints the user without it', async () => {
    const r = users(
      [
        'add',
        '--role',
        'manager',
        '--name',
        'Mara Manager',
        '--email',
        'Mara@Example.com',
        '--db',
        db,
      ],
      'a-long-password-1\n',
    );
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toEqual({
      id: expect.any(String),
      email: 'mara@example.com',
      name: 'Mara Manager',
      role: 'manager',
    });
    const user = await stored('mara@example.com');
    expect(user?.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(user?.passwordHash).not.toContain('a-long-password-1');
    expect(await verifyPassword('a-long-password-1', user!.passwordHash)).toBe(true);
    expect(await verifyPassword('a-long-password-2', user!.passwordHash)).toBe(false);
  });

  it('generates and prints a password when none is piped', async () => {
    const r = users([
      'add',
      '--role',
      'rep',
      '--name',
      'Rita',
      '--email',
      'rita@example.com',
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { password: string };
    expect(printed.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(
      await verifyPassword(printed.password, (await stored('rita@example.com'))!.passwordHash),
    ).toBe(true);
  });

  it.each([
    [
      ['add', '--role', 'boss', '--name', 'B', '--email', 'b@example.com'],
      /--role must be rep, manager, admin or integration/,
    ],
    [['add', '--role', 'rep', '--email', 'b@example.com'], /--name is required/],
    [
      ['add', '--role', 'rep', '--name', 'B', '--email', 'not-an-email'],
      /--email must be an e-mail address/,
    ],
    [['remove'], /usage: madeto users add/],
  ])('users %j → exit 2, %s', async (args, message) => {
    const err: string[] = [];
    const code = await main(['users', ...args, '--db', db], {
      stdout: () => {},
      stderr: (t) => err.push(t),
    });
    expect(code).toBe(2);
    expect(err.join('')).toMatch(message);
  });

  it.each([
    [['add', '--role', 'rep', '--name', 'B', '--email', 'b@example.com'], 'short\n', /at least 10/],
    [
      ['add', '--role', 'rep', '--name', 'Again', '--email', 'RITA@example.com'],
      '',
      /already exists/,
    ],
  ])('users %j (stdin %j) → exit 1, %s', (args, input, message) => {
    const r = users([...args, '--db', db], input);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
