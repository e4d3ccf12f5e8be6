import { randomUUID } from 'node:crypto';
import { type devMailWire } from '../../engine/index.ts';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { z } from '../../engine/zod.ts';

/** One message the catcher received. */
export type CaughtMail = z.output<typeof devMailWire>['messages'][number];

/** The most messages kept (the oldest are dropped), and the largest message accepted. */
const KEEP = 200;
const MAX_BYTES = 1024 * 1024;

/**
 * A local SMTP server (the `smtp-server` package) that keeps what it receives in memory, newest
 * first: `npm start`'s mail catcher (`GET /api/dev/mail`) and the tests' inbox. Listens on
 * 127.0.0.1 on a free port; no TLS, any or no login.
 *
 * @example
 * const catcher = await MailCatcher.start();
 * // MADETO_SMTP_URL = catcher.url … catcher.messages()[0].links
 */
export class MailCatcher {
  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
    private readonly caught: CaughtMail[],
    private readonly waiters: (() => void)[],
  ) {}

  /** Starts a catcher on a free port of 127.0.0.1. */
  static async start(): Promise<MailCatcher> {
    const caught: CaughtMail[] = [];
    const waiters: (() => void)[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      size: MAX_BYTES,
      logger: false,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'any' }),
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const text = parsed.text ?? '';
            MailCatcher.add(caught, waiters, {
              id: randomUUID(),
              receivedAt: new Date().toISOString(),
              from: parsed.from?.text ?? String(session.envelope.mailFrom || ''),
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text,
              links: [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]),
            });
            callback();
          })
          .catch((error: unknown) => callback(error as Error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.server.address() as AddressInfo;
    return new MailCatcher(server, `smtp://127.0.0.1:${port}`, caught, waiters);
  }

  private static add(caught: CaughtMail[], waiters: (() => void)[], mail: CaughtMail): void {
    caught.unshift(mail);
    caught.length = Math.min(caught.length, KEEP);
    for (const wake of waiters.splice(0)) wake();
  }

  /** What was received, newest first. */
  messages(): CaughtMail[] {
    return [...this.caught];
  }

  /** Resolves with the first message `to` received (waiting up to `timeoutMs`). */
  async waitFor(to: string, timeoutMs = 10_000): Promise<CaughtMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.caught.find((m) => m.to.includes(to));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Stops listening. */
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
