import type { AuthorCredential } from "../../generated/prisma/client.ts";
import { builder } from "../builder.ts";
import { Author } from "./author.ts";
import { CREDENTIAL_KINDS, parseSameAs } from "../../domain/credentials.ts";

export const CredentialKindEnum = builder.enumType("CredentialKind", {
  description: "What a credential is (schema.org credentialCategory)",
  values: {
    DEGREE: { description: "An academic degree, e.g. Doctor of Psychology" },
    LICENSE: { description: "A licence to practise, valid in a region" },
    CERTIFICATION: { description: "A professional certification" },
  } satisfies Record<(typeof CREDENTIAL_KINDS)[number], { description: string }>,
});

export const Credential = builder.objectRef<AuthorCredential>("Credential").implement({
  description: "A degree, licence or certification a person holds",
  fields: (t) => ({
    kind: t.field({ type: CredentialKindEnum, description: "Degree, licence or certification", resolve: (c) => c.kind as never }),
    category: t.exposeString("category", { description: 'The short designation shown with a name: "PsyD", "LCSW"' }),
    name: t.exposeString("name", { description: 'In full: "Doctor of Psychology", "Licensed Clinical Psychologist"' }),
    issuer: t.exposeString("issuer", { nullable: true, description: "The body that awarded or issued it" }),
    region: t.exposeString("region", { nullable: true, description: 'Where a licence is valid: "Illinois, US"' }),
  }),
});

builder.prismaObjectFields(Author, (t) => ({
  qualifications: t.field({
    type: [Credential],
    description: "Credentials as a list, in display order (credentials is the byline's display string)",
    resolve: async (author, _args, ctx) => (await ctx.loaders.trust().personTrust.load(author.id)).credentials,
  }),
  jobTitle: t.string({
    nullable: true,
    description: 'e.g. "Clinical Psychologist"',
    resolve: async (author, _args, ctx) => (await ctx.loaders.trust().personTrust.load(author.id)).profile?.jobTitle ?? null,
  }),
  sameAs: t.field({
    type: ["URL"],
    description: "Profiles of the same person elsewhere: licence registries, institutional pages, social profiles",
    resolve: async (author, _args, ctx) => parseSameAs((await ctx.loaders.trust().personTrust.load(author.id)).profile?.sameAs),
  }),
  conflictOfInterest: t.string({
    nullable: true,
    description: "The person's conflict-of-interest statement; null when none was made",
    resolve: async (author, _args, ctx) =>
      (await ctx.loaders.trust().personTrust.load(author.id)).profile?.conflictOfInterest ?? null,
  }),
}));
