import { escapeHtml, htmlMail } from "./html.ts";
import type { MailContent } from "../outbox.ts";

export interface ContactMailData {
  siteTitle: string;
  name: string;
  email: string;
  subject: string;
  message: string;
}

/** A message from the contact form, to the site's contact address; replies go to the sender. */
export function contactMessageMail({ siteTitle, name, email, subject, message }: ContactMailData): MailContent {
  const heading = `Contact form: ${subject}`;
  const text = `${name} <${email}> wrote through the contact form of ${siteTitle}:

${message}

(Reply to this mail to answer ${name}.)
`;
  const paragraphs = message
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  const html = htmlMail(
    heading,
    `<p><strong>${escapeHtml(name)}</strong> &lt;${escapeHtml(email)}&gt; wrote through the contact form of ${escapeHtml(siteTitle)}:</p>
<blockquote style="margin: 1em 0; padding-left: 1em; border-left: 3px solid #ccc">
${paragraphs}
</blockquote>`,
    `Reply to this mail to answer ${escapeHtml(name)}.`,
  );
  return { subject: heading, text, html };
}
