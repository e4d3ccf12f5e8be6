import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); else undefined. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * Starts `madeto serve` as a child process on a free port with the SQLite file `db` (no
 * PostgreSQL: `DATABASE_URL` is cleared) and `env` added (the benchmark's tokens); resolves once
 * it listens, with its URL, its CPU time so far and a stop.
 *
 * @example
 * const server = await startServer(root, '/tmp/x/bench.sqlite', { MADETO_REP_TOKEN: token });
 */
export async function startServer(root: string, db: string, env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [
      // e.g. MADETO_BENCH_SERVER_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the server
      ...(process.env.MADETO_BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? []),
      join(root, 'bin/madeto.js'),
      'serve',
      '--port',
      '0',
      '--db',
      db,
    ],
    {
      cwd: root,
      env: { ...process.env, ...env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) =>
      reject(new Error(`madeto serve exited (${code}) before listening`)),
    );
  });
  return {
    url,
    cpuMs: () => cpuMs(child.pid),
    stop: () => new Promise<void>((r) => (child.once('exit', () => r()), child.kill('SIGTERM'))),
  };
}
