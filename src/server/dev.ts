import { randomBytes } from 'node:crypto';
import { createServer as createViteServer } from 'vite';
import { DEFAULT_CONFIG } from './config.ts';
import { startServer } from './startServer.ts';
import { usersFromEnv } from './users.ts';

/**
 * `npm start`: the reference backend (SQLite file `.data/madeto.sqlite`, or `DATABASE_URL`) and the
 * Vite dev server of the demo, with `/api` proxied to the backend, so the widget submits real
 * orders. `MADETO_API_PORT` fixes the API port (default: a free one); `MADETO_REP_TOKEN` and
 * `MADETO_MANAGER_TOKEN` the tokens of a rep and of a manager who approves (default: random ones,
 * printed), named by `MADETO_REP_NAME` and `MADETO_MANAGER_NAME`.
 */
async function main(): Promise<void> {
  const users = usersFromEnv({
    ...process.env,
    MADETO_REP_TOKEN: process.env['MADETO_REP_TOKEN'] || randomBytes(12).toString('hex'),
    MADETO_MANAGER_TOKEN: process.env['MADETO_MANAGER_TOKEN'] || randomBytes(12).toString('hex'),
  });
  const url = process.env['DATABASE_URL'];
  const api = await startServer({
    ...DEFAULT_CONFIG,
    port: Number(process.env['MADETO_API_PORT'] ?? 0),
    database: url ? { kind: 'postgres', url } : DEFAULT_CONFIG.database,
    users,
  });
  const vite = await createViteServer({
    server: { open: false, proxy: { '/api': { target: api.url, changeOrigin: false } } },
  });
  await vite.listen();
  vite.printUrls();
  const where = url
    ? 'PostgreSQL (DATABASE_URL)'
    : DEFAULT_CONFIG.database.kind === 'sqlite'
      ? DEFAULT_CONFIG.database.file
      : '';
  const tokens = users.map(
    (u) => `  ➜  ${u.role === 'rep' ? 'Rep:    ' : 'Manager:'} ${u.token} (${u.name})\n`,
  );
  process.stdout.write(
    `  ➜  API:     ${api.url}/api (proxied at /api; orders in ${where})\n` +
      tokens.join('') +
      `  ➜  Orders:  curl -H 'Authorization: Bearer ${users[0]?.token ?? ''}' ${api.url}/api/orders\n`,
  );
  const stop = () => {
    void Promise.all([vite.close(), api.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start: ${(error as Error).message}\n`);
  process.exit(1);
});
