import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Tx } from "../db/transaction.ts";
import { globalIdParts } from "../domain/global-ids.ts";
import { uris } from "../domain/uri.ts";
import { isLiveArticle, isLivePage } from "../domain/visibility.ts";

type Args = Record<string, unknown>;

/** What a change is about: a row of a routable type, a featured slot, a menu, the site, a redirect. */
export interface Subject {
  entityType: "Article" | "Page" | "Category" | "Author" | "FeaturedSlot" | "Menu" | "Site" | "Redirect";
  /** The row's id, or the slot's or menu's name; undefined for the site and before a create. */
  entityId?: string;
}

/** An entity as one change sees it, before or after: whether it exists, where it is, and for articles and pages their state. */
export interface Snapshot {
  exists: boolean;
  slug?: string;
  uri?: string;
  state?: "live" | "scheduled" | "draft" | "archived";
}

const idOf = (globalId: unknown): string | undefined => {
  const id = globalIdParts(globalId)?.id;
  return id === undefined ? undefined : String(id);
};
const createdId = (result: unknown): string | undefined => {
  const id = typeof result === "number" ? result : (result as { id?: unknown } | undefined)?.id;
  return typeof id === "number" ? String(id) : undefined;
};

type SubjectOf = (args: Args, result?: unknown) => Subject | undefined;

const row =
  (entityType: "Article" | "Page" | "Category" | "Author", argument = "id"): SubjectOf =>
  (args) => ({ entityType, entityId: idOf(args[argument]) });
const created =
  (entityType: "Article" | "Page" | "Category" | "Author"): SubjectOf =>
  (_args, result) => ({ entityType, entityId: createdId(result) });

/**
 * Mutation field → what its change is about; a mutation missing here changes no content (the
 * public forms, webhooks) and appends nothing.
 */
export const MUTATION_SUBJECTS: Record<string, SubjectOf> = {
  createArticle: created("Article"),
  updateArticle: row("Article"),
  publishArticle: row("Article"),
  unpublishArticle: row("Article"),
  archiveArticle: row("Article"),
  deleteArticle: row("Article"),
  updateArticleTrust: row("Article", "articleId"),
  requestReview: row("Article", "articleId"),
  approveReview: row("Article", "articleId"),
  addCorrection: row("Article", "articleId"),
  createAuthor: created("Author"),
  updateAuthor: row("Author"),
  deleteAuthor: row("Author"),
  updateAuthorProfile: row("Author", "authorId"),
  createCategory: created("Category"),
  updateCategory: row("Category"),
  deleteCategory: row("Category"),
  createPage: created("Page"),
  updatePage: row("Page"),
  deletePage: row("Page"),
  setFeatured: (args) => ({ entityType: "FeaturedSlot", entityId: String(args.slot) }),
  setMenu: (args) => ({ entityType: "Menu", entityId: String(args.location) }),
  updateSite: () => ({ entityType: "Site" }),
  updateEditorialSettings: () => ({ entityType: "Site" }),
  createRedirect: (args) => ({ entityType: "Redirect", entityId: String(args.from) }),
  deleteRedirect: (args) => ({ entityType: "Redirect", entityId: String(args.from) }),
};

async function categoryPath(client: Tx, id: number): Promise<{ slug: string; path: string[] } | undefined> {
  const path: string[] = [];
  let next: number | null = id;
  let slug: string | undefined;
  // A tree is shallow; the loop also stops on a cycle a hand edit might have made.
  for (let depth = 0; next != null && depth < 50; depth++) {
    const category: { slug: string; parentId: number | null } | null = await client.category.findUnique({ where: { id: next }, select: { slug: true, parentId: true } });
    if (!category) break;
    slug ??= category.slug;
    path.unshift(category.slug);
    next = category.parentId;
  }
  return slug === undefined ? undefined : { slug, path };
}

/** What `subject` is at `now`, read through `client` (inside the change's transaction). */
export async function snapshotOf(client: Tx, subject: Subject, now: Date): Promise<Snapshot> {
  const id = Number(subject.entityId);
  if (subject.entityId === undefined) return { exists: subject.entityType === "Site" };
  switch (subject.entityType) {
    case "Article": {
      const article = await client.article.findUnique({ where: { id }, select: { slug: true, status: true, publishedAt: true } });
      if (!article) return { exists: false };
      const state =
        article.status === "ARCHIVED" ? "archived" : article.status === "DRAFT" ? "draft" : isLiveArticle(article, now) ? "live" : "scheduled";
      return { exists: true, slug: article.slug, uri: uris.article(article.slug), state };
    }
    case "Page": {
      const page = await client.page.findUnique({ where: { id }, select: { slug: true, status: true } });
      return page ? { exists: true, slug: page.slug, uri: uris.page(page.slug), state: isLivePage(page) ? "live" : "draft" } : { exists: false };
    }
    case "Author": {
      const author = await client.author.findUnique({ where: { id }, select: { slug: true } });
      return author ? { exists: true, slug: author.slug, uri: uris.author(author.slug) } : { exists: false };
    }
    case "Category": {
      const category = await categoryPath(client, id);
      return category ? { exists: true, slug: category.slug, uri: uris.category(category.path) } : { exists: false };
    }
    case "Redirect":
      return { exists: (await client.redirect.count({ where: { fromUri: subject.entityId } })) > 0, uri: subject.entityId };
    default:
      return { exists: true };
  }
}

const prefixes: Record<Subject["entityType"], string> = {
  Article: "article",
  Page: "page",
  Category: "category",
  Author: "author",
  FeaturedSlot: "featured",
  Menu: "menu",
  Site: "site",
  Redirect: "redirect",
};

/** The change's type, e.g. article.published, from its subject's state before and after. */
export function changeType(subject: Subject, before: Snapshot, after: Snapshot): string {
  const prefix = prefixes[subject.entityType];
  if (subject.entityType === "FeaturedSlot" || subject.entityType === "Menu" || subject.entityType === "Site") return `${prefix}.changed`;
  if (!after.exists) return `${prefix}.deleted`;
  if (!before.exists) return after.state === "live" && subject.entityType === "Page" ? "page.published" : `${prefix}.created`;
  if (before.state !== after.state) {
    if (after.state === "live") return `${prefix}.published`;
    if (after.state === "scheduled") return `${prefix}.scheduled`;
    if (after.state === "archived") return `${prefix}.archived`;
    if (after.state === "draft") return `${prefix}.unpublished`;
  }
  return `${prefix}.updated`;
}

/** The id a change names its entity by in payloads: a Relay global id for nodes, the name otherwise. */
export function publicEntityId(entityType: string, entityId: string | null): string | null {
  if (entityId === null) return null;
  return ["Article", "Page", "Category", "Author"].includes(entityType) ? encodeGlobalID(entityType, entityId) : entityId;
}

/** Every change type there is (webhooks subscribe to these, or to "*"). */
export const CHANGE_TYPES = [
  ...["created", "updated", "published", "scheduled", "unpublished", "archived", "deleted"].map((verb) => `article.${verb}`),
  ...["created", "updated", "published", "unpublished", "deleted"].map((verb) => `page.${verb}`),
  ...["created", "updated", "deleted"].flatMap((verb) => [`category.${verb}`, `author.${verb}`]),
  "redirect.created",
  "redirect.updated",
  "redirect.deleted",
  "menu.changed",
  "featured.changed",
  "site.changed",
  "batch.changed",
] as const;
