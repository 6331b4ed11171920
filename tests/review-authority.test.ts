import { describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { errorCodes, graphql, yogaAt } from "./support/graphql.ts";
import { bearer, revokedTokenHeaders } from "./support/tokens.ts";
import { seededCategories, unique } from "./support/fixtures.ts";
import { ManualClock } from "./support/clock.ts";
import { createApiToken } from "../src/auth/tokens.ts";
import { db } from "../src/db/client.ts";

/**
 * Who may vouch for people (assign reviews, list medical reviewers, edit credentials) and who may
 * approve, over every kind of token the system has (src/auth/tokens.ts: a role, and the person
 * the token acts for, if any) against every kind of person a review can name.
 */

const NOW = new Date("2031-05-05T10:00:00.000Z");
const EARLIER_REVIEW = new Date("2029-02-01T00:00:00.000Z");
const server = yogaAt(new ManualClock(NOW.getTime()));

/** The people of one case: `target` is the person the mutation is about, of the kind the case names. */
type Person = "target" | "other" | "author" | "org";
type TargetKind = "person" | "uncredentialed" | "organisation" | "author" | "co-author";
type Caller =
  | { kind: "no token" | "bad token" | "revoked token" }
  | { kind: "token"; role: "editor" | "admin"; actsFor: Person | null };

const CALLERS: Caller[] = [
  { kind: "no token" },
  { kind: "bad token" },
  { kind: "revoked token" },
  ...(["editor", "admin"] as const).flatMap((role) =>
    ([null, "target", "other", "author", "org"] as const).map((actsFor) => ({ kind: "token" as const, role, actsFor })),
  ),
];
const callerName = (caller: Caller) =>
  caller.kind !== "token" ? caller.kind : `${caller.role}${caller.actsFor ? ` acting for ${caller.actsFor}` : ""}`;

const TARGETS: TargetKind[] = ["person", "uncredentialed", "organisation", "author", "co-author"];
const ELIGIBLE: Record<TargetKind, boolean> = { person: true, uncredentialed: false, organisation: false, author: false, "co-author": false };

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

async function person(tx: Tx, options: { credential?: boolean; organisation?: boolean } = {}) {
  const credential = { position: 0, kind: "DEGREE", category: "MD", name: "Doctor of Medicine" };
  const row = await tx.author.create({
    data: {
      slug: `person-${unique()}`,
      name: `Person ${unique()}`,
      isOrganization: options.organisation ?? false,
      qualifications: options.credential === false ? undefined : { create: credential },
    },
  });
  return row.id;
}

/** A published article with an earlier approved review, its people, and the target of the given kind. */
function scene(targetKind: TargetKind) {
  // One transaction: a case's dozen rows in one commit.
  return db().$transaction((tx) => sceneIn(tx, targetKind));
}

async function sceneIn(tx: Tx, targetKind: TargetKind) {
  const author = await person(tx);
  const coAuthor = await person(tx);
  const [category] = await seededCategories(1);
  const slug = `authority-${unique()}`;
  const article = await tx.article.create({
    data: {
      slug, title: `Authority ${slug}`, body: "<p>Body</p>", bodyText: "Body", wordCount: 1, authorId: author,
      status: "PUBLISHED", publishedAt: new Date("2030-01-01T00:00:00.000Z"),
      categories: { create: { categoryId: category!.id, position: 0 } },
      contributors: { create: { authorId: coAuthor, role: "AUTHOR", position: 0 } },
      trust: { create: { reviewedAt: EARLIER_REVIEW, nextReviewDue: new Date("2033-02-01T00:00:00.000Z") } },
    },
  });
  const org = await person(tx, { organisation: true });
  const people: Record<Person, number> = {
    author,
    org,
    other: await person(tx),
    target: {
      person: await person(tx),
      uncredentialed: await person(tx, { credential: false }),
      organisation: org,
      author,
      "co-author": coAuthor,
    }[targetKind],
  };
  return { article: { id: article.id, slug, globalId: encodeGlobalID("Article", article.id) }, people };
}

type Scene = Awaited<ReturnType<typeof sceneIn>>;

/**
 * Runs `attempt` for every caller. A refusal must leave the scene as it was (each attempt asserts
 * so), so callers share one scene until an attempt succeeds; the next caller gets a fresh one.
 */
async function forEveryCaller(make: () => Promise<Scene>, attempt: (scene: Scene, caller: Caller, label: string) => Promise<boolean>) {
  let current = await make();
  for (const caller of CALLERS) {
    if (await attempt(current, caller, callerName(caller))) current = await make();
  }
}

async function headersOf(caller: Caller, { people }: Scene): Promise<Record<string, string>> {
  if (caller.kind !== "token") {
    if (caller.kind === "no token") return {};
    return caller.kind === "bad token" ? bearer(`ltn_${"x".repeat(43)}`) : revokedTokenHeaders();
  }
  const authorId = caller.actsFor === null ? null : people[caller.actsFor];
  const { token } = await createApiToken(db(), { name: callerName(caller), role: caller.role, authorId });
  return bearer(token);
}

const actsForTarget = (caller: Caller, { people }: Scene) =>
  caller.kind === "token" && caller.actsFor !== null && people[caller.actsFor] === people.target;

/** The refusal a caller gets for vouching for the target, or null when they may. */
function vouchingRefusal(caller: Caller, scene: Scene): string | null {
  if (caller.kind !== "token") return "UNAUTHENTICATED";
  if (caller.role === "editor" && caller.actsFor !== null) return "FORBIDDEN";
  if (actsForTarget(caller, scene)) return "FORBIDDEN";
  return null;
}

async function publicLastReviewed(slug: string): Promise<string | undefined> {
  const response = await graphql(`query ($slug: String!) { article(slug: $slug) { jsonLd } }`, { slug }, {}, server);
  return response.body.data.article.jsonLd.lastReviewed;
}

async function pendingReviewer(articleId: number) {
  return db().articleTrust.findUniqueOrThrow({ where: { articleId }, select: { requestedReviewerId: true, requestedAt: true } });
}

/**
 * Every row the scene's article and people have in the tables a review or a credential touches,
 * and how many rows those tables hold in all (so a write anywhere else shows too). The whole
 * contentSnapshot() grows with every case and would make this table quadratic.
 */
async function sceneSnapshot({ article, people }: Scene) {
  const prisma = db();
  const authorIds = [...new Set(Object.values(people))];
  return Promise.all([
    prisma.article.findUniqueOrThrow({ where: { id: article.id }, omit: { body: true, bodyText: true } }),
    prisma.articleTrust.findUniqueOrThrow({ where: { articleId: article.id } }),
    prisma.articleContributor.findMany({ where: { articleId: article.id }, orderBy: [{ role: "asc" }, { position: "asc" }] }),
    prisma.articleCorrection.findMany({ where: { articleId: article.id }, orderBy: { id: "asc" } }),
    prisma.author.findMany({ where: { id: { in: authorIds } }, orderBy: { id: "asc" } }),
    prisma.authorProfile.findMany({ where: { authorId: { in: authorIds } }, orderBy: { authorId: "asc" } }),
    prisma.authorCredential.findMany({ where: { authorId: { in: authorIds } }, orderBy: { id: "asc" } }),
    Promise.all([
      prisma.article.count(),
      prisma.articleTrust.count(),
      prisma.articleContributor.count(),
      prisma.articleCorrection.count(),
      prisma.author.count(),
      prisma.authorProfile.count(),
      prisma.authorCredential.count(),
    ]),
  ]);
}

/**
 * Sends the mutation as `caller`; a refusal must carry `expected` and leave every row and the
 * public review date as they were. Returns the response when the mutation succeeded.
 */
async function expectOutcome(
  scene: Scene,
  document: string,
  variables: Record<string, unknown>,
  caller: Caller,
  expected: string | null,
  label = callerName(caller),
) {
  const headers = await headersOf(caller, scene);
  const before = await sceneSnapshot(scene);
  const lastReviewed = await publicLastReviewed(scene.article.slug);
  const pending = await pendingReviewer(scene.article.id);
  const response = await graphql(document, variables, headers, server);
  expect(response.status, label).toBeLessThan(500);
  if (expected === null) {
    expect(response.body.errors, label).toBeUndefined();
    return response;
  }
  expect(errorCodes(response), label).toEqual([expected]);
  expect(response.body.data, label).toBeNull();
  expect(await sceneSnapshot(scene), label).toEqual(before);
  expect(await pendingReviewer(scene.article.id), label).toEqual(pending);
  expect(await publicLastReviewed(scene.article.slug), label).toBe(lastReviewed);
  return null;
}

describe("requestReview: only the desk assigns, never to the token's own person, only eligible reviewers, never silently over a pending request", () => {
  const REQUEST = `mutation ($a: ID!, $r: ID!) { requestReview(articleId: $a, reviewerId: $r) { article { id } } }`;
  const REPLACE = `mutation ($a: ID!, $r: ID!) { requestReview(articleId: $a, reviewerId: $r, replace: true) { article { id } } }`;
  const PENDING = ["none", "other", "target"] as const;
  const situations = TARGETS.flatMap((target) => PENDING.flatMap((pending) => [false, true].map((replace) => ({ target, pending, replace }))));

  it.each(situations)("every caller asks for a reviewer who is: $target (pending for: $pending, replace: $replace)", async ({ target, pending, replace }) => {
    const make = async () => {
      const made = await scene(target);
      if (pending !== "none") {
        await db().articleTrust.update({
          where: { articleId: made.article.id },
          data: { requestedReviewerId: made.people[pending], requestedAt: EARLIER_REVIEW },
        });
      }
      return made;
    };
    await forEveryCaller(make, async (s, caller, label) => {
      const expected =
        vouchingRefusal(caller, s) ??
        (!ELIGIBLE[target] ? "BAD_USER_INPUT" : pending === "other" && !replace ? "REVIEW_ALREADY_PENDING" : null);
      const variables = { a: s.article.globalId, r: encodeGlobalID("Author", s.people.target) };
      if (!(await expectOutcome(s, replace ? REPLACE : REQUEST, variables, caller, expected))) return false;
      // Asking the reviewer already assigned keeps the request as it was.
      const requestedAt = pending === "target" ? EARLIER_REVIEW : NOW;
      expect(await pendingReviewer(s.article.id), label).toEqual({ requestedReviewerId: s.people.target, requestedAt });
      expect(await publicLastReviewed(s.article.slug), label).toBe("2029-02-01");
      return true;
    });
  });
});

describe("approveReview: only a token acting for the assigned reviewer, while they may review the article", () => {
  const APPROVE = `mutation ($a: ID!) { approveReview(articleId: $a) { article { reviewStatus } } }`;

  it.each([...TARGETS, "nobody"] as const)("every caller approves (assigned: %s)", async (assigned) => {
    const make = async () => {
      const made = await scene(assigned === "nobody" ? "person" : assigned);
      if (assigned !== "nobody") {
        // As a request made before these rules held could have left it.
        await db().articleTrust.update({
          where: { articleId: made.article.id },
          data: { requestedReviewerId: made.people.target, requestedAt: EARLIER_REVIEW },
        });
      }
      return made;
    };
    await forEveryCaller(make, async (s, caller, label) => {
      const expected =
        caller.kind !== "token"
          ? "UNAUTHENTICATED"
          : assigned === "nobody"
            ? "CONFLICT"
            : !actsForTarget(caller, s) || !ELIGIBLE[assigned]
              ? "FORBIDDEN"
              : null;
      const response = await expectOutcome(s, APPROVE, { a: s.article.globalId }, caller, expected);
      if (!response) return false;
      expect(response.body.data.approveReview.article.reviewStatus, label).toBe("REVIEWED");
      expect(await publicLastReviewed(s.article.slug), label).toBe("2031-05-05");
      expect(await pendingReviewer(s.article.id), label).toEqual({ requestedReviewerId: null, requestedAt: null });
      return true;
    });
  });
});

describe("updateArticleTrust: only the desk lists medical reviewers, and only eligible ones", () => {
  const LIST = `mutation ($a: ID!, $r: ID!) { updateArticleTrust(articleId: $a, input: { medicalReviewerIds: [$r] }) { article { medicalReviewers { id } } } }`;

  it.each(TARGETS)("every caller lists a medical reviewer who is: %s", async (target) => {
    await forEveryCaller(
      () => scene(target),
      async (s, caller, label) => {
        const expected = vouchingRefusal(caller, s) ?? (ELIGIBLE[target] ? null : "BAD_USER_INPUT");
        const reviewer = encodeGlobalID("Author", s.people.target);
        const response = await expectOutcome(s, LIST, { a: s.article.globalId, r: reviewer }, caller, expected);
        if (!response) return false;
        expect(response.body.data.updateArticleTrust.article.medicalReviewers, label).toEqual([{ id: reviewer }]);
        return true;
      },
    );
  });

  it("refuses authorIds that would make a listed medical reviewer an author, and saves nothing", async () => {
    const s = await scene("person");
    await db().articleContributor.create({ data: { articleId: s.article.id, authorId: s.people.target, role: "MEDICAL_REVIEWER", position: 0 } });
    const headers = await headersOf({ kind: "token", role: "admin", actsFor: null }, s);
    const before = await sceneSnapshot(s);
    const authors = [encodeGlobalID("Author", s.people.author), encodeGlobalID("Author", s.people.target)];
    const response = await graphql(
      `mutation ($a: ID!, $ids: [ID!]!) { updateArticleTrust(articleId: $a, input: { authorIds: $ids }) { article { id } } }`,
      { a: s.article.globalId, ids: authors },
      headers,
      server,
    );
    expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
    expect(response.body.errors![0]!.extensions!.field).toBe("input.authorIds.1");
    expect(await sceneSnapshot(s)).toEqual(before);
  });
});

describe("who a person is professionally: only the desk edits it, never a token for that person", () => {
  const CASES = [
    {
      mutation: "updateAuthorProfile",
      document: `mutation ($id: ID!) { updateAuthorProfile(authorId: $id, input: { jobTitle: "Physician", qualifications: [{ kind: LICENSE, category: "MD", name: "Doctor of Medicine" }] }) { author { qualifications { kind } } } }`,
      changed: (author: { qualifications: { kind: string }[] }) => author.qualifications.map((c) => c.kind).join() === "LICENSE",
    },
    {
      mutation: "updateAuthor credentials",
      document: `mutation ($id: ID!) { updateAuthor(id: $id, input: { credentials: "MD" }) { author { credentials } } }`,
      changed: (author: { credentials: string | null }) => author.credentials === "MD",
    },
    {
      mutation: "updateAuthor isOrganization",
      document: `mutation ($id: ID!) { updateAuthor(id: $id, input: { isOrganization: false }) { author { isOrganization } } }`,
      changed: (author: { isOrganization: boolean }) => author.isOrganization === false,
    },
  ];
  const situations = CASES.flatMap((c) => (["person", "organisation"] as const).map((target) => ({ ...c, target })));

  it.each(situations)("every caller: $mutation of someone who is: $target", async ({ document, target, changed }) => {
    await forEveryCaller(
      () => scene(target),
      async (s, caller, label) => {
        const response = await expectOutcome(s, document, { id: encodeGlobalID("Author", s.people.target) }, caller, vouchingRefusal(caller, s));
        if (!response) return false;
        const author = Object.values(response.body.data as Record<string, { author: never }>)[0]!.author;
        expect(changed(author), label).toBe(true);
        return true;
      },
    );
  });

  it("every caller: createAuthor with credentials is the desk's too", async () => {
    const created = `mutation ($name: String!) { createAuthor(input: { name: $name, credentials: "MD" }) { author { credentials } } }`;
    await forEveryCaller(
      () => scene("person"),
      async (s, caller) => {
        const expected = caller.kind !== "token" ? "UNAUTHENTICATED" : caller.role === "editor" && caller.actsFor ? "FORBIDDEN" : null;
        return Boolean(await expectOutcome(s, created, { name: `Dr ${unique()}` }, caller, expected));
      },
    );
  });

  it("every caller with a token still writes what vouches for no one: a bio, a correction", async () => {
    const bio = `mutation ($id: ID!) { updateAuthor(id: $id, input: { bio: "<p>Hi</p>" }) { author { id } } }`;
    const correction = `mutation ($a: ID!) { addCorrection(articleId: $a, input: { text: "Fixed a date." }) { article { id } } }`;
    await forEveryCaller(
      () => scene("person"),
      async (s, caller) => {
        const expected = caller.kind === "token" ? null : "UNAUTHENTICATED";
        const edited = await expectOutcome(s, bio, { id: encodeGlobalID("Author", s.people.target) }, caller, expected);
        const corrected = await expectOutcome(s, correction, { a: s.article.globalId }, caller, expected);
        return Boolean(edited ?? corrected);
      },
    );
  });
});
