import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client.ts";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface OutgoingMail extends MailContent {
  to: string;
  replyTo?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

/**
 * Queues a mail in the outbox, inside the caller's transaction: it is sent only if the change
 * that caused it commits, and it survives an SMTP outage or a restart until a delivery worker
 * sends it. The Message-ID is fixed now, so every attempt sends the same message.
 */
export async function enqueueMail(tx: Prisma.TransactionClient, mail: OutgoingMail, now: Date, messageIdDomain: string): Promise<void> {
  await tx.outboxMail.create({
    data: {
      messageId: `<${randomUUID()}@${messageIdDomain}>`,
      toAddress: mail.to,
      replyTo: mail.replyTo ?? null,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: JSON.stringify(mail.headers ?? {}),
      nextAttemptAt: now,
      createdAt: now,
    },
  });
}
