import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./support/graphql.ts";
import { bearer, revokedTokenHeaders, tokenHeaders } from "./support/tokens.ts";
import * as fixtures from "./support/fixtures.ts";
import { contentSnapshot } from "./support/content-snapshot.ts";
import { db } from "../src/db/client.ts";

/** "assigned reviewer": only the person an article's review was requested from (tests/review-workflow.test.ts). */
type Role = "editor" | "admin" | "assigned reviewer";

async function credentialedPerson() {
  const person = await fixtures.emptyAuthor();
  await db().authorCredential.create({ data: { authorId: person.id, position: 0, kind: "DEGREE", category: "MD", name: "Doctor of Medicine" } });
  return person;
}

interface MutationCase {
  mutation: string;
  requires: Role;
  document: string;
  variables: () => Promise<Record<string, unknown>>;
}

const CASES: MutationCase[] = [
  {
    mutation: "createArticle",
    requires: "editor",
    document: `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
    variables: async () => ({
      input: {
        title: `Matrix ${fixtures.unique()}`,
        body: "<p>Body</p>",
        authorId: (await fixtures.seededAuthor()).globalId,
        categoryIds: (await fixtures.seededCategories(1)).map((c) => c.globalId),
      },
    }),
  },
  {
    mutation: "updateArticle",
    requires: "editor",
    document: `mutation ($id: ID!) { updateArticle(id: $id, input: { title: "Changed" }, expectedVersion: 1) { article { id } } }`,
    variables: async () => ({ id: (await fixtures.draftArticle()).globalId }),
  },
  ...(["publishArticle", "unpublishArticle", "archiveArticle"] as const).map((mutation) => ({
    mutation,
    requires: "editor" as const,
    document: `mutation ($id: ID!) { ${mutation}(id: $id) { article { id } } }`,
    variables: async () => ({ id: (await fixtures.draftArticle()).globalId }),
  })),
  {
    mutation: "deleteArticle",
    requires: "editor",
    document: `mutation ($id: ID!) { deleteArticle(id: $id) { deletedId } }`,
    variables: async () => ({ id: (await fixtures.draftArticle()).globalId }),
  },
  {
    mutation: "createAuthor",
    requires: "editor",
    document: `mutation ($name: String!) { createAuthor(input: { name: $name }) { author { id } } }`,
    variables: async () => ({ name: `Matrix ${fixtures.unique()}` }),
  },
  {
    mutation: "updateAuthor",
    requires: "editor",
    document: `mutation ($id: ID!) { updateAuthor(id: $id, input: { credentials: "PhD" }) { author { id } } }`,
    variables: async () => ({ id: (await fixtures.emptyAuthor()).globalId }),
  },
  {
    mutation: "deleteAuthor",
    requires: "editor",
    document: `mutation ($id: ID!) { deleteAuthor(id: $id) { deletedId } }`,
    variables: async () => ({ id: (await fixtures.emptyAuthor()).globalId }),
  },
  {
    mutation: "createCategory",
    requires: "editor",
    document: `mutation ($name: String!) { createCategory(input: { name: $name }) { category { id } } }`,
    variables: async () => ({ name: `Matrix ${fixtures.unique()}` }),
  },
  {
    mutation: "updateCategory",
    requires: "editor",
    document: `mutation ($id: ID!) { updateCategory(id: $id, input: { description: "Changed" }) { category { id } } }`,
    variables: async () => ({ id: (await fixtures.emptyCategory()).globalId }),
  },
  {
    mutation: "deleteCategory",
    requires: "editor",
    document: `mutation ($id: ID!) { deleteCategory(id: $id) { deletedId } }`,
    variables: async () => ({ id: (await fixtures.emptyCategory()).globalId }),
  },
  {
    mutation: "createPage",
    requires: "editor",
    document: `mutation ($title: String!) { createPage(input: { title: $title, body: "<p>Hi</p>" }) { page { id } } }`,
    variables: async () => ({ title: `Matrix ${fixtures.unique()}` }),
  },
  {
    mutation: "updatePage",
    requires: "editor",
    document: `mutation ($id: ID!) { updatePage(id: $id, input: { title: "Changed" }) { page { id } } }`,
    variables: async () => ({ id: (await fixtures.page()).globalId }),
  },
  {
    mutation: "deletePage",
    requires: "editor",
    document: `mutation ($id: ID!) { deletePage(id: $id) { deletedId } }`,
    variables: async () => ({ id: (await fixtures.page()).globalId }),
  },
  {
    mutation: "setFeatured",
    requires: "editor",
    document: `mutation ($id: ID!) { setFeatured(slot: "matrix", items: [{ articleId: $id }]) { slot } }`,
    variables: async () => ({ id: (await fixtures.draftArticle()).globalId }),
  },
  {
    mutation: "setMenu",
    requires: "editor",
    document: `mutation { setMenu(location: "matrix", items: [{ label: "Home", url: "/" }]) { menu { location } } }`,
    variables: async () => ({}),
  },
  {
    mutation: "updateSite",
    requires: "admin",
    document: `mutation { updateSite(input: { tagline: "Changed" }) { site { tagline } } }`,
    variables: async () => ({}),
  },
  {
    mutation: "createRedirect",
    requires: "admin",
    document: `mutation ($from: String!) { createRedirect(from: $from, to: "/") { redirect { from to } } }`,
    variables: async () => ({ from: `/matrix-${fixtures.unique()}/` }),
  },
  {
    mutation: "deleteRedirect",
    requires: "admin",
    document: `mutation ($from: String!) { deleteRedirect(from: $from) { deletedFrom } }`,
    variables: async () => ({ from: (await fixtures.redirect()).fromUri }),
  },
  {
    mutation: "eraseSubscriber",
    requires: "editor",
    document: `mutation ($email: String!) { eraseSubscriber(email: $email) { erased } }`,
    variables: async () => ({ email: `matrix-${fixtures.unique()}@example.org` }),
  },
  {
    mutation: "markContactMessageHandled",
    requires: "editor",
    document: `mutation ($id: ID!) { markContactMessageHandled(id: $id) { handledAt } }`,
    variables: async () => ({ id: String((await fixtures.contactMessage()).id) }),
  },
  {
    mutation: "updateArticleTrust",
    requires: "editor",
    document: `mutation ($id: ID!) { updateArticleTrust(articleId: $id, input: { disclaimer: "Changed" }) { article { id } } }`,
    variables: async () => ({ id: (await fixtures.draftArticle()).globalId }),
  },
  {
    mutation: "requestReview",
    requires: "editor",
    document: `mutation ($id: ID!, $reviewer: ID!) { requestReview(articleId: $id, reviewerId: $reviewer) { article { id } } }`,
    variables: async () => ({ id: (await fixtures.draftArticle()).globalId, reviewer: (await credentialedPerson()).globalId }),
  },
  {
    mutation: "approveReview",
    requires: "assigned reviewer",
    document: `mutation ($id: ID!) { approveReview(articleId: $id) { article { id } } }`,
    variables: async () => {
      const article = await fixtures.draftArticle();
      const reviewer = await credentialedPerson();
      await db().articleTrust.create({ data: { articleId: article.id, requestedReviewerId: reviewer.id, requestedAt: new Date() } });
      return { id: article.globalId };
    },
  },
  {
    mutation: "addCorrection",
    requires: "editor",
    document: `mutation ($id: ID!) { addCorrection(articleId: $id, input: { text: "Fixed a date." }) { article { id } } }`,
    variables: async () => ({ id: (await fixtures.draftArticle()).globalId }),
  },
  {
    mutation: "updateAuthorProfile",
    requires: "editor",
    document: `mutation ($id: ID!) { updateAuthorProfile(authorId: $id, input: { jobTitle: "Psychologist" }) { author { id } } }`,
    variables: async () => ({ id: (await fixtures.emptyAuthor()).globalId }),
  },
  {
    mutation: "updateEditorialSettings",
    requires: "admin",
    document: `mutation { updateEditorialSettings(input: { reviewIntervalMonths: 24 }) { site { reviewIntervalMonths } } }`,
    variables: async () => ({}),
  },
  {
    mutation: "createWebhook",
    requires: "admin",
    document: `mutation { createWebhook(input: { url: "https://198.51.100.7/hook", events: ["*"] }) { id } }`,
    variables: async () => ({}),
  },
  {
    mutation: "updateWebhook",
    requires: "admin",
    document: `mutation ($id: ID!) { updateWebhook(id: $id, input: { description: "Changed" }) { id } }`,
    variables: async () => ({ id: String((await matrixWebhook()).id) }),
  },
  {
    mutation: "rotateWebhookSecret",
    requires: "admin",
    document: `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
    variables: async () => ({ id: String((await matrixWebhook()).id) }),
  },
  {
    mutation: "deleteWebhook",
    requires: "admin",
    document: `mutation ($id: ID!) { deleteWebhook(id: $id) }`,
    variables: async () => ({ id: String((await matrixWebhook()).id) }),
  },
  {
    mutation: "redeliverWebhook",
    requires: "admin",
    document: `mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }`,
    variables: async () => {
      const webhook = await matrixWebhook();
      const now = new Date();
      const delivery = await db().webhookDelivery.create({ data: { webhookId: webhook.id, sequence: 0, messageId: "msg_matrix", payload: "{}", nextAttemptAt: now, createdAt: now } });
      return { id: String(delivery.id) };
    },
  },
  {
    mutation: "setRelatedArticles",
    requires: "editor",
    document: `mutation ($id: ID!, $related: [ID!]!) { setRelatedArticles(articleId: $id, relatedIds: $related) { article { id } } }`,
    variables: async () => ({ id: (await fixtures.draftArticle()).globalId, related: [(await fixtures.draftArticle()).globalId] }),
  },
  {
    mutation: "restoreArticleRevision",
    requires: "editor",
    document: `mutation ($id: ID!) { restoreArticleRevision(articleId: $id, version: 1, expectedVersion: 2) { article { id } } }`,
    variables: async () => {
      const article = await fixtures.draftArticle();
      const update = `mutation ($id: ID!) { updateArticle(id: $id, expectedVersion: 1, input: { title: "Matrix edit" }) { article { id } } }`;
      expect((await graphql(update, { id: article.globalId }, headers.editor)).body.errors).toBeUndefined();
      return { id: article.globalId };
    },
  },
  {
    mutation: "createPreviewLink",
    requires: "editor",
    document: `mutation ($id: ID!) { createPreviewLink(articleId: $id) { token } }`,
    variables: async () => ({ id: (await fixtures.draftArticle()).globalId }),
  },
  {
    mutation: "revokePreviewLink",
    requires: "editor",
    document: `mutation ($id: ID!) { revokePreviewLink(id: $id) { id } }`,
    variables: async () => {
      const create = `mutation ($id: ID!) { createPreviewLink(articleId: $id) { id } }`;
      const { body } = await graphql(create, { id: (await fixtures.draftArticle()).globalId }, headers.editor);
      return { id: body.data.createPreviewLink.id };
    },
  },
  {
    mutation: "rotatePreviewSigningKey",
    requires: "admin",
    document: `mutation { rotatePreviewSigningKey { rotatedAt } }`,
    variables: async () => ({}),
  },
];

/** The public forms' mutations take no token (tests/forms-*.test.ts). */
/** A webhook of the matrix's own (webhooks are not content: the snapshot does not hold them). */
function matrixWebhook() {
  const now = new Date();
  return db().webhook.create({ data: { url: "https://198.51.100.7/hook", events: '["*"]', secret: "whsec_bWF0cml4", createdAt: now, updatedAt: now } });
}

const PUBLIC_MUTATIONS = ["subscribe", "confirmSubscription", "unsubscribe", "sendContactMessage"];

type Caller = "no token" | "bad token" | "revoked token" | "editor" | "admin";
const CALLERS: Caller[] = ["no token", "bad token", "revoked token", "editor", "admin"];
const headers = {} as Record<Caller, Record<string, string>>;

beforeAll(async () => {
  headers["no token"] = {};
  headers["bad token"] = bearer(`ltn_${"x".repeat(43)}`);
  headers["revoked token"] = await revokedTokenHeaders();
  headers.editor = await tokenHeaders("editor");
  headers.admin = await tokenHeaders("admin");
});

function expectedCode(caller: Caller, requires: Role): string | null {
  if (requires === "assigned reviewer") return caller === "editor" || caller === "admin" ? "FORBIDDEN" : "UNAUTHENTICATED";
  if (caller === "editor" || caller === "admin") return caller === "editor" && requires === "admin" ? "FORBIDDEN" : null;
  return "UNAUTHENTICATED";
}

const MATRIX = CASES.flatMap((mutationCase) =>
  CALLERS.map((caller) => ({ ...mutationCase, caller, expected: expectedCode(caller, mutationCase.requires) })),
);

describe("every mutation checks the caller's token and role", () => {
  it("covers every mutation in the schema", async () => {
    const { body } = await graphql(`{ __schema { mutationType { fields { name } } } }`);
    const names = body.data.__schema.mutationType.fields.map((field: { name: string }) => field.name).sort();
    expect(names).toEqual([...CASES.map((c) => c.mutation), ...PUBLIC_MUTATIONS].sort());
  });

  it.each(MATRIX)("$mutation with $caller → $expected", async ({ mutation, document, variables, caller, expected }) => {
    const input = await variables();
    const before = expected ? await contentSnapshot() : undefined;
    const response = await graphql(document, input, headers[caller]);
    expect(response.status).toBeLessThan(500);
    if (expected) {
      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual([expected]);
      expect(response.body.data).toBeNull();
      expect(await contentSnapshot()).toEqual(before);
    } else {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data[mutation]).toBeTruthy();
    }
  });

  it("lets a bad token still read published content anonymously", async () => {
    const { body } = await graphql(`{ article(slug: "the-therapeutic-relationship") { title } }`, {}, headers["bad token"]);
    expect(body.data.article.title).toBe("The Therapeutic Relationship");
  });
});
