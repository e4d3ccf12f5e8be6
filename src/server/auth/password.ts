import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters (N, r, p) and key length: about 50 ms and 16 MB per hash. */
const COST = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 64;

const derive = (password: string, salt: Buffer, options: ScryptOptions, length: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/**
 * A password's scrypt hash as stored: `scrypt$N$r$p$<salt>$<key>` (base64url), with a random
 * 16-byte salt.
 *
 * @example
 * await hashPassword('correct horse battery staple') // 'scrypt$16384$8$1$…$…'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST, KEY_LENGTH);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** A stored hash that matches no password: checked for unknown e-mails so both take as long. */
export const NO_USER_HASH = `scrypt$${COST.N}$${COST.r}$${COST.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;

/**
 * True when `password` matches `stored` (from `hashPassword`), compared in constant time; false
 * for a malformed hash.
 *
 * @example
 * await verifyPassword('s3cret-pass', await hashPassword('s3cret-pass')) // true
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (![N, r, p].every(Number.isInteger) || expected.length === 0) return false;
  const key = await derive(password, salt, { N, r, p, maxmem: COST.maxmem }, expected.length);
  return timingSafeEqual(key, expected);
}

/**
 * A random password of 20 characters from an unambiguous alphabet (about 115 bits).
 *
 * @example
 * generatePassword() // 'k7PqX2m9…'
 */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** The shortest password `madeto users add` and sign-in accept. */
export const MIN_PASSWORD_LENGTH = 10;
