import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, TestRunner } from 'vitest';
import { freePort } from './serverProcess.ts';

/** The newest PostgreSQL server binaries of Debian's package, if installed. */
function pgBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const version = readdirSync(base).sort().at(-1);
  const dir = version && join(base, version, 'bin');
  return dir && existsSync(join(dir, 'initdb')) ? dir : undefined;
}
const bin = pgBin();

/** True when a throw-away PostgreSQL cluster can be started (binaries and the `postgres` user). */
const canRunPostgres = (() => {
  if (!bin) return false;
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'true']);
    return true;
  } catch {
    return false;
  }
})();

const asPostgres = (cmd: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', join(bin!, cmd), ...args], { stdio: 'pipe' });

/** A throw-away cluster of the tests: its `postgres` database's URL, another database, `stop`. */
export interface PostgresCluster {
  url: string;
  /** Creates the database `name` in the cluster and answers its URL. */
  createDatabase: (name: string) => string;
  stop: () => void;
}

/** A throw-away cluster on a free port, trusting local connections, run as the `postgres` user. */
async function startPostgres(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'madeto-pg-'));
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
  const urlOf = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;
  return {
    url: urlOf('postgres'),
    createDatabase: (name) => {
      asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return urlOf(name);
    },
    stop: () => {
      if (existsSync(data)) asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `describe(name, body)` against one throw-away cluster of its own, started before its tests and
 * stopped after them; `cluster()` is that cluster inside the tests. Where PostgreSQL cannot run,
 * the block is skipped and a warning names the file, the block and why.
 *
 * @example
 * describePostgres('madeto serve on PostgreSQL', (cluster) => {
 *   it('stores orders', async () => { const server = await startServerProcess(cluster().url); … });
 * });
 */
export function describePostgres(
  name: string,
  body: (cluster: () => PostgresCluster) => void,
): void {
  if (!canRunPostgres)
    console.warn(
      `${TestRunner.getCurrentSuite().file.name} › ${name}: skipped — no PostgreSQL server binaries (apt-get install postgresql) or no postgres user`,
    );
  describe.skipIf(!canRunPostgres)(name, () => {
    let started: PostgresCluster | undefined;
    beforeAll(async () => {
      started = await startPostgres();
    }, 60_000);
    afterAll(() => started?.stop());
    body(() => {
      if (!started) throw new Error(`${name}: the PostgreSQL cluster has not started`);
      return started;
    });
  });
}
