import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { availabilityJourney } from './availabilityJourney.ts';

/**
 * The same server against PostgreSQL (DATABASE_URL): a throw-away cluster from Debian's package
 * (`apt-get install postgresql`), run as the `postgres` user. Skipped, saying so, when absent.
 */
function pgBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const version = readdirSync(base).sort().at(-1);
  const dir = version && join(base, version, 'bin');
  return dir && existsSync(join(dir, 'initdb')) ? dir : undefined;
}
const bin = pgBin();
const canRun = (() => {
  if (!bin) return false;
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'true']);
    return true;
  } catch {
    return false;
  }
})();
if (!canRun)
  console.warn(
    'test/server/availabilityPostgres.test.ts: skipped — no PostgreSQL server binaries (apt-get install postgresql) or no postgres user',
  );

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const asPostgres = (cmd: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', join(bin!, cmd), ...args], { stdio: 'pipe' });

describe.skipIf(!canRun)('availability feed and holds on PostgreSQL', () => {
  let dir = '';
  let url = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'madeto-avail-pg-'));
    chmodSync(dir, 0o777);
    const data = join(dir, 'data');
    const port = await freePort();
    asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    asPostgres('pg_ctl', [
      '-D',
      data,
      '-w',
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ]);
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }, 60_000);
  afterAll(() => {
    if (dir && existsSync(join(dir, 'data')))
      asPostgres('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('feeds, validates, versions, holds the last unit for one of twenty buyers (row lock), releases, expires, re-promises and audits', async () => {
    await availabilityJourney({ kind: 'postgres', url });
  }, 60_000);
});
