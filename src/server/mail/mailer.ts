import type { Transporter } from 'nodemailer';

/** Where e-mail goes and what links point at (see the README, "Sending a quote"). */
export interface MailConfig {
  /** `smtp://user:pass@host:port` or `smtps://…` (`MADETO_SMTP_URL`). */
  smtpUrl: string;
  /** The sender (`MADETO_MAIL_FROM`). */
  from: string;
  /** Where the customer's page lives; the link is `<publicUrl>#/shared/<token>` (`MADETO_PUBLIC_URL`). */
  publicUrl: string;
}

/**
 * The mail settings from the environment, or the names of those missing (the server still runs;
 * sending a quote answers 503 naming them).
 *
 * @example
 * mailConfigFromEnv({ MADETO_SMTP_URL: 'smtp://127.0.0.1:2525', MADETO_MAIL_FROM: 'a@b.c', MADETO_PUBLIC_URL: 'http://localhost:5173/' })
 * // { config: { smtpUrl: 'smtp://127.0.0.1:2525', … }, missing: [] }
 */
export function mailConfigFromEnv(env: Record<string, string | undefined>): {
  config?: MailConfig;
  missing: string[];
} {
  const smtpUrl = env['MADETO_SMTP_URL']?.trim() ?? '';
  const from = env['MADETO_MAIL_FROM']?.trim() ?? '';
  const publicUrl = env['MADETO_PUBLIC_URL']?.trim() ?? '';
  const missing = [
    ...(smtpUrl ? [] : ['MADETO_SMTP_URL']),
    ...(from ? [] : ['MADETO_MAIL_FROM']),
    ...(publicUrl ? [] : ['MADETO_PUBLIC_URL']),
  ];
  for (const [name, url, schemes] of [
    ['MADETO_SMTP_URL', smtpUrl, ['smtp:', 'smtps:']],
    ['MADETO_PUBLIC_URL', publicUrl, ['http:', 'https:']],
  ] as const)
    if (url) {
      let ok: boolean;
      try {
        ok = (schemes as readonly string[]).includes(new URL(url).protocol);
      } catch {
        ok = false;
      }
      if (!ok)
        throw Object.assign(
          new Error(`${name} must be a ${schemes.join(' or ')} URL, not '${url}'`),
          { code: 'CONFIG_INVALID' },
        );
    }
  return missing.length > 0 ? { missing } : { config: { smtpUrl, from, publicUrl }, missing };
}

/** One e-mail to send. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends e-mail over SMTP with nodemailer (loaded on the first send, not at start-up). */
export class Mailer {
  private transport: Promise<Transporter> | undefined;
  constructor(readonly config: MailConfig) {}

  private connect(): Promise<Transporter> {
    this.transport ??= import('nodemailer').then((m) =>
      m.default.createTransport(this.config.smtpUrl),
    );
    return this.transport;
  }

  /** The customer's link of a share token. */
  link(shareToken: string): string {
    const url = new URL(this.config.publicUrl);
    url.hash = `#/shared/${shareToken}`;
    return url.toString();
  }

  /** Sends `mail`; resolves with the message id once the SMTP server accepted it. */
  async send(mail: Mail): Promise<{ messageId: string }> {
    const info = await (await this.connect()).sendMail({ from: this.config.from, ...mail });
    return { messageId: String(info.messageId) };
  }

  /** Closes the SMTP connections. */
  close(): void {
    void this.transport?.then((t) => t.close());
  }
}
