import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, SendMailOptions, Transporter } from 'nodemailer';
import { EmailMessage } from './email-message';

export interface MailTransport {
  /** Sends one message; resolves with the server's answer (or the file written). */
  send(message: EmailMessage, key: string): Promise<string>;
  close(): void;
}

/**
 * The Message-ID of the email with this key, the same on every attempt: should one be sent twice (its
 * worker died after the server took it and before the send was recorded), mail clients and servers
 * that drop repeated Message-IDs show it once.
 */
export function messageIdFor(key: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<${key.replace(/[^\w.-]+/g, '.')}@${domain}>`;
}

/**
 * SMTP when a URL is configured; otherwise each message is written as an .eml file, so a machine
 * with no mail server still shows exactly what would have been sent. A server silent for `timeoutMs`
 * (connecting, greeting or any reply) ends the attempt: nodemailer would otherwise wait ten minutes.
 */
export function createMailTransport(o: { smtpUrl?: string; from: string; mailDir: string; timeoutMs: number }): MailTransport {
  const mail = (message: EmailMessage, key: string): SendMailOptions => ({
    from: o.from,
    ...message,
    messageId: messageIdFor(key, o.from),
    attachments: message.attachments?.map((a) => ({ ...a })),
  });
  if (o.smtpUrl) {
    const smtp: Transporter = createTransport({
      url: o.smtpUrl,
      connectionTimeout: o.timeoutMs,
      greetingTimeout: o.timeoutMs,
      socketTimeout: o.timeoutMs,
    });
    return {
      async send(message, key) {
        const info = await smtp.sendMail(mail(message, key));
        return String(info.response);
      },
      close: () => smtp.close(),
    };
  }
  const files: Transporter = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(message, key) {
      const info = await files.sendMail(mail(message, key));
      const dir = resolve(o.mailDir);
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${key.replace(/[^\w.-]+/g, '_')}.eml`);
      await writeFile(file, info.message as Buffer);
      return `written to ${file}`;
    },
    close: () => files.close(),
  };
}
