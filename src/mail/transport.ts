import nodemailer from "nodemailer";

export interface MailMessage {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
}

/** Hands one message to the mail system; throws when it was not accepted. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Failures that will not go away by trying again (the server refused the message for good). */
export class PermanentMailError extends Error {}

/** Sends over SMTP (smtp:// or smtps:// URL, optionally with user:password@), one connection per batch. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      try {
        await transporter.sendMail(message);
      } catch (error) {
        const responseCode = (error as { responseCode?: unknown }).responseCode;
        // 5xx is a permanent refusal (RFC 5321 4.2.1); 4xx and connection failures are retried.
        if (typeof responseCode === "number" && responseCode >= 500) {
          throw new PermanentMailError(`SMTP ${responseCode}: ${(error as Error).message}`);
        }
        throw error;
      }
    },
    close: () => transporter.close(),
  };
}

/** Development without SMTP_URL: each mail is written to the log instead of being sent. */
export function logTransport(write: (line: string) => void): MailTransport {
  return {
    async send(message) {
      const extra = Object.entries(message.headers).map(([name, value]) => `${name}: ${value}\n`).join("");
      write(
        `mail not sent (no SMTP_URL), as it would go out:\nFrom: ${message.from}\nTo: ${message.to}\n` +
          (message.replyTo ? `Reply-To: ${message.replyTo}\n` : "") +
          `Subject: ${message.subject}\nMessage-ID: ${message.messageId}\n${extra}\n${message.text}`,
      );
    },
    close() {},
  };
}
