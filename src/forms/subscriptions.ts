import type { Tx } from "../db/transaction.ts";
import { inTransaction } from "../db/transaction.ts";
import { badInput } from "../domain/errors.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { subscriptionConfirmationMail } from "../mail/templates/subscription-confirmation.ts";
import type { FormClient } from "./client.ts";
import type { FormAnswer, FormsService } from "./forms-service.ts";
import { linkToken, subscribeInput } from "./input.ts";
import { confirmUrl, messageIdDomain, unsubscribeUrl } from "./links.ts";
import { consentVersion, hashLinkToken, newLinkToken, readUnsubscribeToken, unsubscribeToken } from "./tokens.ts";
import { DEFAULT_SITE } from "../read/site.ts";

export const CONFIRM_TOKEN_TTL_HOURS = 48;
/** A pending or unsubscribed address gets another confirmation mail at most this often. */
export const CONFIRMATION_RESEND_MS = 10 * 60_000;

/**
 * The one answer to every accepted subscribe call, whatever the address' state: nobody can
 * learn from it whether an address is on the list.
 */
export const SUBSCRIBE_ANSWER: FormAnswer = {
  ok: true,
  message: "Thank you. If this address can be subscribed, a mail with a confirmation link is on its way.",
};

/**
 * Double opt-in: a new address (or one that unsubscribed) becomes PENDING with a consent record
 * and gets a confirmation mail; a pending one gets a new mail at most every 10 minutes; a
 * confirmed one is left alone.
 *
 * Every state sends the same statements before the answer, so its timing does not tell either:
 * where no mail is due, the writes are made and then rolled back.
 */
export async function subscribe(forms: FormsService, rawInput: unknown, client: FormClient): Promise<FormAnswer> {
  const input = forms.parse(subscribeInput, rawInput);
  if (!(await forms.admit(input, client))) return SUBSCRIBE_ANSWER;
  const now = forms.clock.now();
  try {
    await inTransaction(async (tx) => {
      const { token, hash } = newLinkToken();
      const pending = {
        status: "PENDING",
        confirmTokenHash: hash,
        confirmTokenExpiresAt: new Date(now.getTime() + CONFIRM_TOKEN_TTL_HOURS * 3_600_000),
        confirmationQueuedAt: now,
      };
      // One INSERT … ON CONFLICT: a new address is created PENDING; an existing row is returned
      // (and on PostgreSQL locked until the end of the transaction, so concurrent calls queue).
      const subscriber = await tx.subscriber.upsert({
        where: { email: input.email },
        create: { email: input.email, createdAt: now, ...pending },
        update: { email: input.email },
      });
      const created = subscriber.confirmTokenHash === hash;
      const due = created || (subscriber.status !== "CONFIRMED" && !resentRecently(subscriber.confirmationQueuedAt, now));
      await tx.subscriber.update({ where: { id: subscriber.id }, data: pending });
      await tx.consentRecord.create({
        data: {
          subscriberId: subscriber.id,
          at: now,
          source: input.source,
          text: input.consentText,
          version: consentVersion(input.consentText),
          ip: client.ip,
          userAgent: client.userAgent,
        },
      });
      await queueConfirmationMail(tx, forms, subscriber, token, now);
      if (!due) throw NOTHING_DUE;
    });
  } catch (error) {
    if (error === NOTHING_DUE) return SUBSCRIBE_ANSWER;
    throw error;
  }
  forms.onMailQueued();
  return SUBSCRIBE_ANSWER;
}

/** Thrown to roll back a subscribe call's writes where no mail was due. */
const NOTHING_DUE = new Error("no confirmation mail is due");

function resentRecently(queuedAt: Date | null, now: Date): boolean {
  return queuedAt !== null && now.getTime() - queuedAt.getTime() < CONFIRMATION_RESEND_MS;
}

async function queueConfirmationMail(tx: Tx, forms: FormsService, subscriber: { id: number; email: string }, token: string, now: Date) {
  const { SITE_URL, MAIL_FROM } = forms.settings;
  const unsubscribe = unsubscribeUrl(SITE_URL, unsubscribeToken(forms.secret, subscriber.id));
  const site = await tx.siteSettings.findUnique({ where: { id: 1 }, select: { title: true } });
  const content = subscriptionConfirmationMail({
    siteTitle: site?.title ?? DEFAULT_SITE.title,
    confirmUrl: confirmUrl(SITE_URL, token),
    unsubscribeUrl: unsubscribe,
    expiresInHours: CONFIRM_TOKEN_TTL_HOURS,
  });
  await enqueueMail(
    tx,
    {
      to: subscriber.email,
      ...content,
      // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the URL.
      headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    },
    now,
    messageIdDomain(MAIL_FROM, SITE_URL),
  );
}

/** Confirms the subscription a confirmation token was sent for; each token works once, until it expires. */
export async function confirmSubscription(forms: FormsService, rawToken: unknown): Promise<FormAnswer> {
  const token = parseToken(rawToken);
  const now = forms.clock.now();
  const { count } = await inTransaction((tx) =>
    tx.subscriber.updateMany({
      where: { confirmTokenHash: hashLinkToken(token), status: "PENDING", confirmTokenExpiresAt: { gt: now } },
      data: { status: "CONFIRMED", confirmedAt: now, confirmTokenHash: null, confirmTokenExpiresAt: null },
    }),
  );
  if (count === 0) {
    throw badInput("This confirmation link is invalid, expired or already used. Subscribe again to get a new one.", { field: "token" });
  }
  return { ok: true, message: "Your subscription is confirmed. Thank you!" };
}

/**
 * Takes the address a mail's unsubscribe token was made for off the list. Works any number of
 * times, and for an address since erased, with the same answer.
 */
export async function unsubscribe(forms: FormsService, rawToken: unknown): Promise<FormAnswer> {
  const subscriberId = readUnsubscribeToken(forms.secret, parseToken(rawToken));
  if (subscriberId === undefined) throw badInput("This unsubscribe link is not valid.", { field: "token" });
  const now = forms.clock.now();
  await inTransaction((tx) =>
    tx.subscriber.updateMany({
      where: { id: subscriberId, status: { not: "UNSUBSCRIBED" } },
      data: { status: "UNSUBSCRIBED", unsubscribedAt: now, confirmTokenHash: null, confirmTokenExpiresAt: null },
    }),
  );
  return { ok: true, message: "You are unsubscribed and will get no more mail from this list." };
}

function parseToken(rawToken: unknown): string {
  const result = linkToken.safeParse(rawToken);
  if (!result.success) throw badInput(`token: ${result.error.issues[0]!.message}`, { field: "token" });
  return result.data;
}
