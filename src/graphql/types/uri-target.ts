import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import { MAX_URL_LENGTH, normalizeUri, parseUri, withinUrlLimit } from "../../domain/uri.ts";
import { visibleArticleWhere, visiblePageWhere } from "../../domain/visibility.ts";
import { badInput } from "../../domain/errors.ts";
import { Article } from "./article.ts";
import { Author } from "./author.ts";
import { Category } from "./category.ts";
import { Page } from "./page.ts";
import { Tag } from "./tag.ts";
import type { Context } from "../context.ts";
import { recordKeys, uriKeys } from "../../cache/response-keys.ts";

interface RedirectShape {
  from: string;
  to: string;
}

export const Redirect = builder.objectRef<RedirectShape>("Redirect").implement({
  description: "An old URI that now lives elsewhere; clients should send a 301 to `to`",
  fields: (t) => ({
    from: t.exposeString("from", { description: "The old path" }),
    to: t.exposeString("to", { description: "Where it moved: a path on the site or an absolute URL" }),
    statusCode: t.int({ description: "The HTTP status to answer with; always 301 (moved permanently)", resolve: () => 301 }),
  }),
});

type Typed<T extends string> = { __typename: T };

const UriTarget = builder.unionType("UriTarget", {
  description: "What a path on the site shows: an article, category, tag, author or page, or a redirect",
  types: [Article, Category, Tag, Author, Page, Redirect],
  resolveType: (value) => (value as unknown as Typed<"Article" | "Category" | "Tag" | "Author" | "Page" | "Redirect">).__typename,
});

async function resolveTarget(uri: string, ctx: Context) {
  const parsed = parseUri(uri);
  switch (parsed?.kind) {
    case "article": {
      const article = await db().article.findFirst({ where: { slug: parsed.slug, ...visibleArticleWhere(ctx) } });
      return article && { ...article, __typename: "Article" as const };
    }
    case "page": {
      const page = await db().page.findFirst({ where: { slug: parsed.slug, ...visiblePageWhere(ctx) } });
      return page && { ...page, __typename: "Page" as const };
    }
    case "author": {
      const author = await db().author.findUnique({ where: { slug: parsed.slug } });
      return author && { ...author, __typename: "Author" as const };
    }
    case "tag": {
      const tag = await db().tag.findUnique({ where: { slug: parsed.slug } });
      return tag && { ...tag, __typename: "Tag" as const };
    }
    case "category": {
      const category = (await ctx.loaders.categoryDirectory()).byPath(parsed.slugPath);
      return category && { ...category, __typename: "Category" as const };
    }
    default:
      return null;
  }
}

/**
 * A redirect exists for a caller only when its target does: a site URI whose content the caller
 * may see (redirects are one hop long), or an address elsewhere.
 */
async function leadsSomewhereVisible(to: string, ctx: Context): Promise<boolean> {
  if (!to.startsWith("/")) return true;
  const target = parseUri(to);
  return target?.kind === "home" || (await resolveTarget(to, ctx)) != null;
}

builder.queryFields((t) => ({
  resolveUri: t.field({
    type: UriTarget,
    nullable: true,
    description: "What a site path (or full URL) points at: content, or a redirect for an old link; null when nothing",
    args: { uri: t.arg.string({ description: "A path on the site, or a full URL of the site", required: true }) },
    resolve: async (_root, { uri }, ctx) => {
      if (!withinUrlLimit(uri)) throw badInput(`"uri" must be at most ${MAX_URL_LENGTH} characters`, { argument: "uri" });
      const normalized = normalizeUri(uri);
      if (normalized == null) return null;
      const target = await resolveTarget(normalized, ctx);
      if (target) return target;
      const redirect = await db().redirect.findUnique({ where: { fromUri: normalized } });
      // Whether the redirect is followed depends on what its target shows.
      if (redirect) recordKeys(ctx, uriKeys(redirect.toUri).filter((key) => key !== false));
      if (!redirect || !(await leadsSomewhereVisible(redirect.toUri, ctx))) return null;
      return { from: redirect.fromUri, to: redirect.toUri, __typename: "Redirect" as const };
    },
  }),
}));
