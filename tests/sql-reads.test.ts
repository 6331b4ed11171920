import { beforeAll, describe, expect, it } from "vitest";
import { graphql, yogaAt } from "./support/graphql.ts";
import { ManualClock } from "./support/clock.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { db } from "../src/db/client.ts";
import { prepareArticleBody } from "../src/domain/article-body.ts";

// The lookups every page makes are written in SQL through Prisma's $queryRaw (src/read):
// the rules of src/domain/visibility.ts, with the request's clock compared against stored instants.

let editor: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
});

const SIDEBAR_AND_MENU = /* GraphQL */ `{
  featured(slot: "sql-reads", first: 10) { title article { slug } }
  menu(location: "primary") { items { label url } }
  categories(first: 100, where: { hasArticles: true }) { nodes { slug articleCount } }
}`;

async function scheduledArticle(publishedAt: Date) {
  const author = await db().author.findFirstOrThrow();
  const category = await db().category.create({ data: { slug: `sql-reads-${publishedAt.getTime()}`, name: "SQL reads" } });
  const article = await db().article.create({
    data: {
      slug: `sql-reads-article-${publishedAt.getTime()}`,
      title: "Scheduled for SQL reads",
      ...prepareArticleBody("<p>Soon.</p>"),
      status: "PUBLISHED",
      publishedAt,
      authorId: author.id,
      categories: { create: { categoryId: category.id, position: 0 } },
    },
  });
  const menu = await db().menu.findUniqueOrThrow({ where: { location: "primary" } });
  await db().menuItem.create({ data: { menuId: menu.id, position: 98, label: "Scheduled", articleId: article.id } });
  await db().featuredItem.create({ data: { slot: "sql-reads", position: 0, articleId: article.id } });
  return { article, category };
}

describe("reads written in SQL", () => {
  it("show a scheduled article in menus, featured slots, counts and by slug from their time on, not before", async () => {
    const at = new Date(Date.now() + 3_600_000);
    const { article, category } = await scheduledArticle(at);
    const clock = new ManualClock(at.getTime() - 1);
    const server = yogaAt(clock);
    const read = async () => {
      const { body } = await graphql(SIDEBAR_AND_MENU, {}, {}, server);
      const query = `query ($slug: String!) { article(slug: $slug) { slug author { displayName articleCount } } }`;
      const { body: bySlug } = await graphql(query, { slug: article.slug }, {}, server);
      expect(body.errors).toBeUndefined();
      return {
        featured: body.data.featured.map((item: { article: { slug: string } }) => item.article.slug),
        inMenu: body.data.menu.items.some((item: { label: string }) => item.label === "Scheduled"),
        counted: body.data.categories.nodes.some((node: { slug: string }) => node.slug === category.slug),
        bySlug: bySlug.data.article?.slug ?? null,
      };
    };

    expect(await read()).toEqual({ featured: [], inMenu: false, counted: false, bySlug: null });
    clock.advanceTo(at);
    expect(await read()).toEqual({ featured: [article.slug], inMenu: true, counted: true, bySlug: article.slug });
  });

  it("keep featured items to their window", async () => {
    const article = await db().article.findFirstOrThrow({ where: { status: "PUBLISHED", publishedAt: { lte: new Date() } } });
    const hour = 3600_000;
    await db().featuredItem.createMany({
      data: [
        { slot: "window", position: 0, articleId: article.id, title: "ended", endsAt: new Date(Date.now() - hour) },
        { slot: "window", position: 1, articleId: article.id, title: "not yet", startsAt: new Date(Date.now() + hour) },
        { slot: "window", position: 2, articleId: article.id, title: "live", startsAt: new Date(Date.now() - hour), endsAt: new Date(Date.now() + hour) },
      ],
    });
    const { body } = await graphql(`{ featured(slot: "window", first: 10) { title } }`);
    expect(body.data.featured).toEqual([{ title: "live" }]);
  });

  it("show editors menu items that link drafts, and hide them from everyone else", async () => {
    const draft = await db().article.findFirstOrThrow({ where: { status: "DRAFT" } });
    const menu = await db().menu.create({ data: { location: "drafts-menu", name: "Drafts" } });
    await db().menuItem.create({ data: { menuId: menu.id, position: 0, label: "Draft", articleId: draft.id } });
    const query = `{ menu(location: "drafts-menu") { items { label url } } }`;

    expect((await graphql(query)).body.data.menu.items).toEqual([]);
    expect((await graphql(query, {}, editor)).body.data.menu.items).toEqual([{ label: "Draft", url: `/${draft.slug}/` }]);
  });

  it("bind what callers send as values", async () => {
    const { body } = await graphql(`{ article(slug: "x\\" OR 1=1 --") { slug } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ article: null });
  });

  it("never reach SQL with slot or location names outside the name rule", async () => {
    const { body } = await graphql(`{
      menu(location: "primary' OR '1'='1") { name }
      featured(slot: "sidebar' --") { title }
    }`);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT", "BAD_USER_INPUT"]);
  });
});
