import { parseArgs, single } from '../args.ts';
import { CliError, EXIT } from '../CliError.ts';
import { databaseOf } from '../databaseArg.ts';
import type { Command } from '../main.ts';
import { openDb } from '../../server/db/createDb.ts';
import { migrate } from '../../server/db/migrate.ts';
import { UserStore, type StoredRole } from '../../server/db/userStore.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../../server/auth/password.ts';

const USAGE =
  'usage: madeto users add --role rep|manager|admin|integration --name NAME --email EMAIL [--db FILE]   (password from stdin, or generated and printed)';

const ROLES: readonly StoredRole[] = ['rep', 'manager', 'admin', 'integration'];

/** Everything piped to stdin (empty when stdin is a terminal). */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (chunks.reduce((n, c) => n + c.length, 0) > 4096)
      throw new CliError('the password on stdin is longer than 4096 bytes');
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `madeto users add --role rep|manager|admin|integration --name NAME --email EMAIL [--db FILE]`: adds a person
 * who signs in to the reference backend. The password is read from stdin when it is piped (one
 * line; at least 10 characters), else a random one is generated and printed. Prints the user as
 * JSON (with `password` only when generated).
 */
export const run: Command = async ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['role', 'name', 'email', 'db'] });
  const [sub, ...rest] = parsed.positionals;
  if (sub !== 'add' || rest.length > 0) throw new CliError(USAGE, EXIT.usage);
  const role = single(parsed, 'role');
  const name = single(parsed, 'name')?.trim();
  const email = single(parsed, 'email')?.trim();
  if (!role || !ROLES.some((r) => r === role))
    throw new CliError(
      `--role must be rep, manager, admin or integration, not '${role ?? ''}'\n${USAGE}`,
      EXIT.usage,
    );
  if (!name || name.length > 200)
    throw new CliError(`--name is required (1 to 200 characters)\n${USAGE}`, EXIT.usage);
  if (!email || email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new CliError(
      `--email must be an e-mail address, not '${email ?? ''}'\n${USAGE}`,
      EXIT.usage,
    );
  const piped = (await readStdin()).replace(/\r?\n$/, '');
  if (piped.includes('\n')) throw new CliError('stdin must hold one line: the password');
  if (piped !== '' && piped.length < MIN_PASSWORD_LENGTH)
    throw new CliError(
      `the password on stdin has ${piped.length} characters; at least ${MIN_PASSWORD_LENGTH}`,
    );
  const password = piped || generatePassword();
  const db = openDb(databaseOf(single(parsed, 'db'), process.env));
  try {
    await migrate(db);
    const user = await new UserStore(db).add({
      email,
      name,
      role: role as StoredRole,
      passwordHash: await hashPassword(password),
      createdAt: new Date().toISOString(),
    });
    stdout(
      JSON.stringify({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        ...(piped === '' && { password }),
      }),
    );
  } catch (error) {
    if ((error as { code?: string }).code === 'USER_EXISTS')
      throw new CliError((error as Error).message);
    throw error;
  } finally {
    await db.close();
  }
  return EXIT.ok;
};
