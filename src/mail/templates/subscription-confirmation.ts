import { escapeHtml, htmlMail } from "./html.ts";
import type { MailContent } from "../outbox.ts";

export interface ConfirmationMailData {
  siteTitle: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  expiresInHours: number;
}

/** The double opt-in mail: one link to confirm; the subscription starts only when it is used. */
export function subscriptionConfirmationMail({ siteTitle, confirmUrl, unsubscribeUrl, expiresInHours }: ConfirmationMailData): MailContent {
  const subject = `Confirm your subscription to ${siteTitle}`;
  const text = `Hello,

someone (hopefully you) asked to subscribe this address to ${siteTitle}.
To confirm, open this link and press the button on the page:

${confirmUrl}

The link works once and expires in ${expiresInHours} hours. If you did not ask for this,
ignore this mail: you will not be subscribed.

Unsubscribe: ${unsubscribeUrl}
`;
  const html = htmlMail(
    subject,
    `<p>Hello,</p>
<p>someone (hopefully you) asked to subscribe this address to ${escapeHtml(siteTitle)}.</p>
<p><a href="${escapeHtml(confirmUrl)}" style="display: inline-block; padding: 0.6em 1.2em; background: #1a5fb4; color: #fff; text-decoration: none; border-radius: 4px">Confirm my subscription</a></p>
<p>The link works once and expires in ${expiresInHours} hours. If you did not ask for this, ignore this mail: you will not be subscribed.</p>`,
    `<a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe</a>`,
  );
  return { subject, text, html };
}
