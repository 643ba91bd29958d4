import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { EmailMessage } from './email-message';

export interface MailTransport {
  /** Sends one message; resolves with the server's answer (or the file written). */
  send(message: EmailMessage, key: string): Promise<string>;
  close(): void;
}

/**
 * SMTP when a URL is configured; otherwise each message is written as an .eml file, so a machine
 * with no mail server still shows exactly what would have been sent.
 */
export function createMailTransport(o: { smtpUrl?: string; from: string; mailDir: string }): MailTransport {
  if (o.smtpUrl) {
    const smtp: Transporter = createTransport(o.smtpUrl);
    return {
      async send(message) {
        const info = await smtp.sendMail({ from: o.from, ...message, attachments: message.attachments?.map((a) => ({ ...a })) });
        return String(info.response);
      },
      close: () => smtp.close(),
    };
  }
  const files: Transporter = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(message, key) {
      const info = await files.sendMail({ from: o.from, ...message, attachments: message.attachments?.map((a) => ({ ...a })) });
      const dir = resolve(o.mailDir);
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${key.replace(/[^\w.-]+/g, '_')}.eml`);
      await writeFile(file, info.message as Buffer);
      return `written to ${file}`;
    },
    close: () => files.close(),
  };
}
