import { inTransaction } from "../db/transaction.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { contactMessageMail } from "../mail/templates/contact-message.ts";
import type { FormClient } from "./client.ts";
import type { FormAnswer, FormsService } from "./forms-service.ts";
import { contactInput } from "./input.ts";
import { messageIdDomain } from "./links.ts";
import { DEFAULT_SITE } from "../read/site.ts";

export const CONTACT_ANSWER: FormAnswer = { ok: true, message: "Thank you for your message. We will reply by e-mail." };

/**
 * Stores a contact form message and queues it, in the same transaction, for the site's
 * CONTACT_EMAIL with Reply-To set to the sender. The sender gets no mail: the form cannot be
 * used to send mail to anyone else.
 */
export async function sendContactMessage(forms: FormsService, rawInput: unknown, client: FormClient): Promise<FormAnswer> {
  const input = forms.parse(contactInput, rawInput);
  if (!(await forms.admit(input, client))) return CONTACT_ANSWER;
  const now = forms.clock.now();
  const { CONTACT_EMAIL, MAIL_FROM, SITE_URL } = forms.settings;
  await inTransaction(async (tx) => {
    await tx.contactMessage.create({
      data: { name: input.name, email: input.email, subject: input.subject, message: input.message, ip: client.ip, userAgent: client.userAgent, createdAt: now },
    });
    if (!CONTACT_EMAIL) return;
    const site = await tx.siteSettings.findUnique({ where: { id: 1 }, select: { title: true } });
    const content = contactMessageMail({ siteTitle: site?.title ?? DEFAULT_SITE.title, ...input });
    await enqueueMail(tx, { to: CONTACT_EMAIL, replyTo: `"${input.name.replace(/["\\]/g, "")}" <${input.email}>`, ...content }, now, messageIdDomain(MAIL_FROM, SITE_URL));
  });
  if (CONTACT_EMAIL) forms.onMailQueued();
  return CONTACT_ANSWER;
}

/** Marks a message handled (or not handled again); false when there is no such message. */
export async function markContactMessageHandled(id: number, handled: boolean, now: Date): Promise<boolean> {
  const { count } = await inTransaction((tx) => tx.contactMessage.updateMany({ where: { id }, data: { handledAt: handled ? now : null } }));
  return count === 1;
}
