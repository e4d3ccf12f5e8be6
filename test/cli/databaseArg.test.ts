import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/CliError.ts';
import { databaseOf } from '../../src/cli/databaseArg.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BOTH = 'give either --db FILE (SQLite) or DATABASE_URL (PostgreSQL), not both';

describe('databaseOf: --db FILE or DATABASE_URL (serve, users, availability)', () => {
  it.each([
    [undefined, {}, { kind: 'sqlite', file: '.data/madeto.sqlite' }],
    ['a.sqlite', {}, { kind: 'sqlite', file: 'a.sqlite' }],
    ['a.sqlite', { DATABASE_URL: '' }, { kind: 'sqlite', file: 'a.sqlite' }],
    [undefined, { DATABASE_URL: 'postgres://h/db' }, { kind: 'postgres', url: 'postgres://h/db' }],
  ] as const)('--db %j with %j → %j', (file, env, expected) => {
    expect(databaseOf(file, env)).toEqual(expected);
  });

  it('both is a usage error (exit 2) that names both ways', () => {
    let error: unknown;
    try {
      databaseOf('a.sqlite', { DATABASE_URL: 'postgres://h/db' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect([(error as CliError).exitCode, (error as CliError).message]).toEqual([2, BOTH]);
  });

  it('madeto serve with both says so on stderr, exit 2, without a stack trace', () => {
    const r = spawnSync(process.execPath, ['bin/madeto.js', 'serve', '--db', 'x.sqlite'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: 'postgres://127.0.0.1:1/none' },
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(BOTH);
    expect(r.stderr).not.toMatch(/at .*\.[jt]s:\d+/);
  });
});
