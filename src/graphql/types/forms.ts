import { builder } from "../builder.ts";
import { subscribe, confirmSubscription, unsubscribe } from "../../forms/subscriptions.ts";
import { sendContactMessage } from "../../forms/contact-messages.ts";

/*
 * The public forms: "Subscribe to Our List" and "Contact Us". No token needed; every
 * submission carries a solved proof-of-work challenge and the honeypot field.
 */

const FormChallenge = builder
  .objectRef<{ algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string }>("FormChallenge")
  .implement({
    description:
      "An ALTCHA proof-of-work challenge: the ALTCHA widget (or altcha-lib's solveChallenge) finds the number, and the form sends the base64 JSON payload as `proof`. Valid for 10 minutes, once.",
    fields: (t) => ({
      algorithm: t.exposeString("algorithm", { description: "Hash algorithm, SHA-256" }),
      challenge: t.exposeString("challenge", { description: "The hash to find the number for" }),
      maxNumber: t.int({
        description: "The largest number the solution can be",
        resolve: (challenge) => challenge.maxnumber ?? 0,
      }),
      salt: t.exposeString("salt", { description: "Salt, with the expiry as a parameter" }),
      signature: t.exposeString("signature", { description: "The server's signature of the challenge" }),
    }),
  });

const FormResult = builder.objectRef<{ ok: boolean; message: string }>("FormResult").implement({
  description: "What a form submission did, with a message to show the person who sent it",
  fields: (t) => ({
    ok: t.exposeBoolean("ok", { description: "True when the submission was accepted" }),
    message: t.exposeString("message", { description: "A sentence to show, in English" }),
  }),
});

const SubscribeInput = builder.inputType("SubscribeInput", {
  description: "The subscribe form",
  fields: (t) => ({
    email: t.string({ required: true, description: "The address to subscribe (at most 254 characters)" }),
    source: t.string({ required: true, description: 'Where the form is, e.g. "sidebar" (at most 100 characters)' }),
    consentText: t.string({
      required: true,
      description: "The exact consent wording the person saw next to the form (at most 2,000 characters); it is recorded with a version derived from it",
    }),
    proof: t.string({ required: true, description: "The solved formChallenge: the ALTCHA widget's base64 JSON payload" }),
    website: t.string({
      required: false,
      description: "Honeypot: hide this field from people and send it empty. Forms that fill it in are dropped.",
    }),
  }),
});

const ContactMessageInput = builder.inputType("ContactMessageInput", {
  description: "The contact form",
  fields: (t) => ({
    name: t.string({ required: true, description: "The sender's name (one line, at most 100 characters)" }),
    email: t.string({ required: true, description: "The sender's address; replies go there" }),
    subject: t.string({ required: true, description: "One line, at most 200 characters" }),
    message: t.string({ required: true, description: "Plain text, at most 5,000 characters" }),
    proof: t.string({ required: true, description: "The solved formChallenge: the ALTCHA widget's base64 JSON payload" }),
    website: t.string({
      required: false,
      description: "Honeypot: hide this field from people and send it empty. Forms that fill it in are dropped.",
    }),
  }),
});

builder.queryFields((t) => ({
  formChallenge: t.field({
    type: FormChallenge,
    description: "A new proof-of-work challenge for one submission of the subscribe or contact form",
    resolve: (_root, _args, ctx) => ctx.forms.service.challenge(),
  }),
}));

builder.mutationFields((t) => ({
  subscribe: t.field({
    type: FormResult,
    description:
      "Double opt-in: sends a confirmation mail. The answer is the same whether the address is new, pending, confirmed or unsubscribed. Errors: BAD_USER_INPUT (input.email, input.proof, ...), RATE_LIMITED (extensions.retryAfter, seconds).",
    args: {
      input: t.arg({ description: "The address to subscribe, with the form's proof of work", type: SubscribeInput, required: true }),
    },
    resolve: (_root, { input }, ctx) => subscribe(ctx.forms.service, input, ctx.forms.client),
  }),
  confirmSubscription: t.field({
    type: FormResult,
    description: "Confirms a subscription with the token from the confirmation mail (single use; expires after 48 hours)",
    args: { token: t.arg.string({ required: true, description: "The token parameter of the confirmation link" }) },
    resolve: (_root, { token }, ctx) => confirmSubscription(ctx.forms.service, token),
  }),
  unsubscribe: t.field({
    type: FormResult,
    description: "Takes an address off the list with the token from the unsubscribe link of any mail it got",
    args: { token: t.arg.string({ required: true, description: "The token parameter of the unsubscribe link" }) },
    resolve: (_root, { token }, ctx) => unsubscribe(ctx.forms.service, token),
  }),
  sendContactMessage: t.field({
    type: FormResult,
    description:
      "Sends a message to the site's contact address, with Reply-To set to the sender. Errors: BAD_USER_INPUT (input.*), RATE_LIMITED (extensions.retryAfter, seconds).",
    args: {
      input: t.arg({ description: "The message, with the form's proof of work", type: ContactMessageInput, required: true }),
    },
    resolve: (_root, { input }, ctx) => sendContactMessage(ctx.forms.service, input, ctx.forms.client),
  }),
}));
