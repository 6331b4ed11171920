import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import { badInput, codedError } from "../../domain/errors.ts";
import { keysetConnection, modelList, type ListOrder } from "../connections/keyset-connection.ts";
import { isEditor } from "../../domain/viewer.ts";
import { totalCountField } from "../connections/total-count.ts";
import { emailAddress } from "../../forms/input.ts";
import { eraseAddress } from "../../forms/erasure.ts";
import { markContactMessageHandled } from "../../forms/contact-messages.ts";

/* What editors see of the forms: subscribers with their consent, contact messages, erasure. */

const SubscriberStatusEnum = builder.enumType("SubscriberStatus", {
  description: "Where an address stands on the mailing list",
  values: {
    PENDING: { description: "Subscribed, waiting for the address to confirm" },
    CONFIRMED: { description: "Confirmed: on the list" },
    UNSUBSCRIBED: { description: "Took itself off the list" },
  } as const,
});

type SubscriberStatus = "PENDING" | "CONFIRMED" | "UNSUBSCRIBED";

const Consent = builder.prismaObject("ConsentRecord", {
  name: "Consent",
  description: "What a subscriber agreed to, when and from where (GDPR Art. 7(1))",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime", description: "When the form was sent" }),
    source: t.exposeString("source", { description: "Which form, as the client named it" }),
    text: t.exposeString("text", { description: "The exact consent wording shown" }),
    version: t.exposeString("version", { description: "sha256: and the start of the wording's SHA-256; the same words have the same version" }),
    ip: t.exposeString("ip", { description: "The sender's IP address" }),
    userAgent: t.exposeString("userAgent", { description: "The sender's User-Agent header" }),
  }),
});

const Subscriber = builder.prismaObject("Subscriber", {
  description: "An address on the mailing list (editors only)",
  fields: (t) => ({
    email: t.exposeString("email", { description: "Normalized: trimmed, lower-case, ASCII domain" }),
    status: t.field({ type: SubscriberStatusEnum, description: "Where the address stands", resolve: (subscriber) => subscriber.status as SubscriberStatus }),
    subscribedAt: t.expose("createdAt", { type: "DateTime", description: "When the address first subscribed" }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime", nullable: true, description: "When the confirmation link was used; null while pending" }),
    unsubscribedAt: t.expose("unsubscribedAt", { type: "DateTime", nullable: true, description: "When the address last unsubscribed" }),
    consent: t.field({
      type: Consent,
      nullable: true,
      description: "The latest consent: the one the current subscription rests on",
      select: { consents: { orderBy: [{ at: "desc" }, { id: "desc" }], take: 1 } },
      resolve: (subscriber) => subscriber.consents[0] ?? null,
    }),
    consents: t.relation("consents", {
      description: "Every consent given, oldest first (one per confirmation mail sent)",
      query: { orderBy: [{ at: "asc" }, { id: "asc" }] },
    }),
  }),
});

const ContactMessage = builder.prismaObject("ContactMessage", {
  description: "A message sent through the contact form (editors only)",
  fields: (t) => ({
    id: t.exposeID("id", { description: "For markContactMessageHandled" }),
    name: t.exposeString("name", { description: "The sender's name" }),
    email: t.exposeString("email", { description: "The sender's address (normalized)" }),
    subject: t.exposeString("subject", { description: "One line" }),
    message: t.exposeString("message", { description: "Plain text" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was sent" }),
    handledAt: t.expose("handledAt", { type: "DateTime", nullable: true, description: "When an editor marked it handled; null while open" }),
  }),
});

/** A list ordered by id alone; its cursors are named `cursorName`. */
const byId = (cursorName: string, direction: "asc" | "desc"): ListOrder<{ id: number }, number> => ({
  sort: { column: "id", direction, nullable: false },
  select: { id: true },
  cursor: {
    name: cursorName,
    positionOf: (row) => ({ key: row.id, id: row.id }),
    parseKey: (raw) => (typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined),
  },
});
const OLDEST_FIRST = byId("Subscriber:ID", "asc");
const NEWEST_FIRST = byId("ContactMessage:NEWEST", "desc");

builder.queryFields((t) => ({
  subscribers: t.connection(
    {
      type: Subscriber,
      description: "Editors only. Oldest first. The CSV export with every consent record is GET /forms/subscribers.csv",
      authScopes: { editor: true },
      args: { status: t.arg({ type: SubscriberStatusEnum, required: false, description: "Only subscribers in this status" }) },
      resolve: (_root, args, ctx, info) =>
        keysetConnection(
          args,
          ctx,
          info,
          modelList(ctx, info, {
            typeName: "Subscriber",
            order: OLDEST_FIRST,
            where: args.status ? { status: args.status } : {},
            findMany: (query) => db().subscriber.findMany(query),
            count: (where) => db().subscriber.count({ where }),
          }),
        ),
    },
    { fields: totalCountField },
  ),
  contactMessages: t.connection(
    {
      type: ContactMessage,
      description: "Editors only. Newest first",
      authScopes: { editor: true },
      args: { handled: t.arg.boolean({ required: false, description: "true: only handled messages; false: only open ones" }) },
      resolve: (_root, args, ctx, info) =>
        keysetConnection(
          args,
          ctx,
          info,
          modelList(ctx, info, {
            typeName: "ContactMessage",
            order: NEWEST_FIRST,
            where: handledWhere(args.handled),
            findMany: (query) => db().contactMessage.findMany(query),
            count: (where) => db().contactMessage.count({ where }),
          }),
        ),
    },
    { fields: totalCountField },
  ),
}));

function handledWhere(handled: boolean | null | undefined) {
  return handled == null ? {} : { handledAt: handled ? { not: null } : null };
}

const ErasePayload = builder.objectRef<{ erased: boolean }>("EraseSubscriberPayload").implement({
  description: "What eraseSubscriber did",
  fields: (t) => ({
    erased: t.exposeBoolean("erased", { description: "False when nothing held the address" }),
  }),
});

builder.mutationFields((t) => ({
  eraseSubscriber: t.field({
    type: ErasePayload,
    description:
      "Editors only. Erases an address on request: its subscription and consent records, its contact messages and mails to it. The erasure is recorded without the address.",
    authScopes: { editor: true },
    args: { email: t.arg.string({ required: true, description: "The address, in any case or spacing" }) },
    resolve: async (_root, args, ctx) => {
      const parsed = emailAddress.safeParse(args.email);
      if (!parsed.success) throw badInput(`email: ${parsed.error.issues[0]!.message}`, { field: "email" });
      const tokenId = isEditor(ctx.viewer) ? ctx.viewer.tokenId : null;
      return { erased: await eraseAddress(parsed.data, tokenId, ctx.now) };
    },
  }),
  markContactMessageHandled: t.prismaField({
    type: ContactMessage,
    description: "Editors only. Marks a contact message handled, or open again with handled: false",
    authScopes: { editor: true },
    args: {
      id: t.arg.id({ required: true, description: "ContactMessage.id" }),
      handled: t.arg.boolean({ required: false, defaultValue: true, description: "false: open again" }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = Number(args.id);
      if (!Number.isSafeInteger(id) || id <= 0 || !(await markContactMessageHandled(id, args.handled ?? true, ctx.now))) {
        throw codedError("NOT_FOUND", "No contact message has this id", { field: "id" });
      }
      return db().contactMessage.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
