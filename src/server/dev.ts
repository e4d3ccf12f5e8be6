import { randomBytes } from 'node:crypto';
import { createServer as createViteServer } from 'vite';
import { DEFAULT_CONFIG } from './config.ts';
import { startServer } from './startServer.ts';
import { usersFromEnv } from './users.ts';
import { generatePassword, hashPassword } from './auth/password.ts';
import { MailCatcher } from './mail/mailCatcher.ts';
import { mailConfigFromEnv } from './mail/mailer.ts';

/** The demo users `npm start` seeds (fresh passwords each start). */
const DEMO_USERS = [
  { email: 'rep@demo.madeto', name: 'Rita Rep', role: 'rep' },
  { email: 'manager@demo.madeto', name: 'Mara Manager', role: 'manager' },
] as const;

/**
 * `npm start`: the reference backend (SQLite file `.data/madeto.sqlite`, or `DATABASE_URL`) and the
 * Vite dev server of the demo, with `/api` proxied to the backend, so the widget submits real
 * orders. `MADETO_API_PORT` fixes the API port (default: a free one); `MADETO_REP_TOKEN` and
 * `MADETO_MANAGER_TOKEN` the tokens of a rep and of a manager who approves (default: random ones,
 * printed), named by `MADETO_REP_NAME` and `MADETO_MANAGER_NAME`. Seeds a demo rep and a demo
 * manager who sign in with a password (fresh ones each start, printed), and runs a local mail
 * catcher that quotes are sent to (`GET /api/dev/mail`) unless `MADETO_SMTP_URL` is set.
 */
async function main(): Promise<void> {
  const users = usersFromEnv({
    ...process.env,
    MADETO_REP_TOKEN: process.env['MADETO_REP_TOKEN'] || randomBytes(12).toString('hex'),
    MADETO_MANAGER_TOKEN: process.env['MADETO_MANAGER_TOKEN'] || randomBytes(12).toString('hex'),
  });
  const url = process.env['DATABASE_URL'];
  const catcher = process.env['MADETO_SMTP_URL'] ? undefined : await MailCatcher.start();
  const mail = mailConfigFromEnv({
    MADETO_MAIL_FROM: '"Madeto demo" <sales@demo.madeto>',
    MADETO_PUBLIC_URL: 'http://localhost:5173/',
    ...process.env,
    ...(catcher && { MADETO_SMTP_URL: catcher.url }),
  });
  const api = await startServer(
    {
      ...DEFAULT_CONFIG,
      port: Number(process.env['MADETO_API_PORT'] ?? 0),
      database: url ? { kind: 'postgres', url } : DEFAULT_CONFIG.database,
      users,
    },
    { mail, devMail: catcher },
  );
  const vite = await createViteServer({
    server: { open: false, proxy: { '/api': { target: api.url, changeOrigin: false } } },
  });
  await vite.listen();
  const page = vite.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
  // The e-mailed links point at the demo page, wherever Vite found a free port.
  if (mail.config && !process.env['MADETO_PUBLIC_URL']) mail.config.publicUrl = page;
  vite.printUrls();
  const people = [];
  for (const u of DEMO_USERS) {
    const password = generatePassword();
    await api.accounts.upsert({
      ...u,
      passwordHash: await hashPassword(password),
      createdAt: new Date().toISOString(),
    });
    people.push(`  ➜  Sign in: ${u.email} / ${password} (${u.name}, ${u.role})\n`);
  }
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
      people.join('') +
      tokens.join('') +
      (catcher
        ? `  ➜  Mail:    caught locally (${catcher.url}); read it at ${page}api/dev/mail\n`
        : '') +
      `  ➜  Orders:  curl -H 'Authorization: Bearer ${users[0]?.token ?? ''}' ${api.url}/api/orders\n`,
  );
  const stop = () => {
    void Promise.all([vite.close(), api.close(), catcher?.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start: ${(error as Error).message}\n`);
  process.exit(1);
});
