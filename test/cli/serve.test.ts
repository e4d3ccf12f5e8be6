import { describe, expect, it } from 'vitest';
import { serveConfig } from '../../src/cli/commands/serve.ts';
import { CliError } from '../../src/cli/CliError.ts';

describe('madeto serve: configuration', () => {
  it.each([
    [[], {}, { port: 8787, database: { kind: 'sqlite', file: '.data/madeto.sqlite' } }],
    [
      ['--port', '0', '--db', '/tmp/x.sqlite'],
      {},
      { port: 0, database: { kind: 'sqlite', file: '/tmp/x.sqlite' } },
    ],
    [
      [],
      { DATABASE_URL: 'postgres://u@h/db' },
      { database: { kind: 'postgres', url: 'postgres://u@h/db' } },
    ],
    [
      ['--origin', 'https://a.example'],
      { MADETO_ORIGINS: 'https://b.example, http://localhost:5173' },
      { origins: ['https://a.example', 'https://b.example', 'http://localhost:5173'] },
    ],
    // An empty DATABASE_URL is no PostgreSQL (the benchmarks clear it so): --db stands.
    [
      ['--db', '/tmp/x.sqlite'],
      { DATABASE_URL: '' },
      { database: { kind: 'sqlite', file: '/tmp/x.sqlite' } },
    ],
    [[], { MADETO_REP_TOKEN: 's3cret' }, { repToken: 's3cret' }],
    [['--body-limit', '2048', '--verify-promise'], {}, { bodyLimit: 2048, verifyPromise: true }],
  ] as const)('%j with %j', (args, env, expected) => {
    expect(serveConfig(args, env)).toMatchObject(expected);
  });

  it.each([
    [['--port', '70000'], {}, '--port must be an integer from 0 to 65535'],
    [
      ['--db', 'x.sqlite'],
      { DATABASE_URL: 'postgres://h/db' },
      'give either --db FILE (SQLite) or DATABASE_URL (PostgreSQL), not both',
    ],
    [['--origin', 'https://shop.example/path'], {}, 'no path'],
    [['--bogus'], {}, 'unknown option --bogus'],
    [['extra'], {}, "unexpected argument 'extra'"],
  ] as const)('%j with %j is a usage error: %s', (args, env, message) => {
    let error: unknown;
    try {
      serveConfig(args, env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toContain(message);
  });
});
