import { z } from "zod";
import { EMAIL_MAX_LENGTH, normalizeEmail } from "./email-address.ts";

// Control characters other than line breaks and tabs never belong in form text; in one-line
// fields (names, subjects) line breaks could also forge mail headers.
// Lone UTF-16 surrogates are not text either (and no database could store them).
const noControls = (text: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\p{Surrogate}/u.test(text);
const oneLine = (text: string) => !/[\r\n\u2028\u2029]/.test(text) && noControls(text);

const line = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`).refine(oneLine, "must be one line of text");

const paragraphs = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`).refine(noControls, "must be plain text");

export const emailAddress = z
  .string()
  .max(EMAIL_MAX_LENGTH, `must be at most ${EMAIL_MAX_LENGTH} characters`)
  .transform((text, context) => {
    const address = normalizeEmail(text);
    if (!address) {
      context.addIssue({ code: "custom", message: "must be an e-mail address such as jane@example.org" });
      return z.NEVER;
    }
    return address;
  });

/** The proof-of-work payload and the honeypot field every form carries. */
const antiAbuse = {
  proof: z.string().max(2000, "must be at most 2000 characters"),
  /** A field people never see or fill in; only bots do. */
  website: z.string().max(500, "must be at most 500 characters").nullish(),
};

export const subscribeInput = z.object({
  email: emailAddress,
  source: line(100).refine((text) => /^[\w .:/-]+$/.test(text), "must be letters, digits, spaces and . : / - _"),
  consentText: paragraphs(2000),
  ...antiAbuse,
});

export const contactInput = z.object({
  name: line(100),
  email: emailAddress,
  subject: line(200),
  message: paragraphs(5000),
  ...antiAbuse,
});

/** Tokens in links are base64url; anything much longer than ours is not one. */
export const linkToken = z.string().trim().min(1, "must not be empty").max(100, "is not a token this site issued");

export type SubscribeInput = z.output<typeof subscribeInput>;
