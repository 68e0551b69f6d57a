import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** A message as nodemailer takes it. */
export interface MailMessage {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface MailTransport {
  readonly description: string;
  /** Sends `message`; answers where it went (message id, or the `.eml` file written as `fileName`). */
  send(message: MailMessage, fileName: string): Promise<string>;
}

/**
 * SMTP when `smtpUrl` is set; otherwise each message is built by nodemailer's stream transport
 * and written whole (then renamed, so a reader never sees half a message) as an `.eml` file in
 * `outboxDir`, to open with any mail client.
 */
export function createMailTransport(options: { smtpUrl: string | undefined; outboxDir: string }): MailTransport {
  const { smtpUrl, outboxDir } = options;
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      description: `SMTP (${new URL(smtpUrl).host})`,
      async send(message) {
        return (await transport.sendMail(message)).messageId;
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `.eml files in ${outboxDir}`,
    async send(message, fileName) {
      const info = await transport.sendMail(message);
      await mkdir(outboxDir, { recursive: true });
      const file = join(outboxDir, `${fileName}.eml`);
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
      return file;
    },
  };
}
