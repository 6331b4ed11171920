import { createHash } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { inTransaction, type Tx } from "../../db/transaction.ts";
import { DomainError } from "../../domain/errors.ts";
import { cacheKeys, publicFeedKeys } from "../../domain/cache-keys.ts";
import { normalizeUri, uris } from "../../domain/uri.ts";
import { splitDisplayName } from "../../domain/credentials.ts";
import { slugify } from "../../domain/slug.ts";
import { HANDLE_PATTERN } from "../../domain/handle.ts";
import type { Viewer } from "../../domain/viewer.ts";
import { createArticle, deleteArticle, publishArticle, unpublishArticle, updateArticle } from "../../write/articles.ts";
import { createAuthor, updateAuthor } from "../../write/authors.ts";
import { createCategory, updateCategory } from "../../write/categories.ts";
import { createPage, deletePage, updatePage } from "../../write/pages.ts";
import { createTag, setArticleTags, updateTag } from "../../write/tags.ts";
import { setMenu, type MenuItemInput } from "../../write/menus.ts";
import { setFeatured } from "../../write/featured.ts";
import { addRedirects } from "../../write/redirects.ts";
import { appendBatchedChange, type NewChange } from "../../write/change-log.ts";
import { freeSlugFrom, type SluggedModel } from "../../write/unique-slug.ts";
import { readWxr, type Fields, type WxrItem } from "./wxr.ts";
import { convertContent } from "./content.ts";
import { checkTimeZone, cut, decideStatus, plainText, wordpressDate, wordpressLocalDate, wordpressSlug } from "./mapping.ts";
import { ImportSummary, type Kind } from "./summary.ts";
import { ImportError } from "./errors.ts";

export interface ImportOptions {
  file: string;
  dryRun?: boolean;
  /** The site's time zone, for dates WordPress kept only in local time (drafts). */
  timeZone?: string;
  /** The featured slot sticky posts go to. */
  stickySlot?: string;
  /** Menu location → the WordPress menu's name or slug. Unmapped: the first menu → primary. */
  menuLocations?: ReadonlyMap<string, string>;
  /** Which links are the site's own (default: the file's wp:base_blog_url). */
  baseUrl?: string;
  /** What tags become: tags (default), categories, or nothing. */
  tags?: "tags" | "categories" | "drop";
  /** Delete rows an earlier import made whose items the file no longer has. */
  prune?: boolean;
  now?: Date;
  /** Called as content items are written: done of total. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  summary: ImportSummary;
  /** The response-cache keys (and CDN surrogate keys) the import changed: evict them once. */
  changedKeys: string[];
}

/** The import acts as the editorial desk: an admin token acting for no one. */
const IMPORTER: Viewer = { kind: "token", tokenId: 0, name: "import:wordpress", role: "admin", authorId: null };

type SourceKind = "AUTHOR" | "CATEGORY" | "TAG" | "ARTICLE" | "PAGE" | "MENU";

interface SourceRow {
  id: number;
  rowId: number;
  digest: string;
  importedSlug: string | null;
  seen: boolean;
}

interface PostInfo {
  type: string;
  slug: string;
  title: string;
}

interface MenuItemRecord {
  id: string;
  menu: string;
  order: number;
  parent: string;
  title: string;
  type: string;
  object: string;
  objectId: string;
  url: string;
}

class DryRunRollback extends Error {}

const digestOf = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("base64url").slice(0, 22);
const gid = (type: string, id: number) => encodeGlobalID(type, id);
const CONTENT_TYPES = new Set(["post", "page"]);
const NOT_CONTENT: Record<string, string> = {
  attachment: "attachments (media, used for featured images and galleries)",
  revision: "revisions",
  nav_menu_item: "menu items (imported with their menus)",
  custom_css: "custom CSS",
  customize_changeset: "customizer changesets",
  wp_block: "reusable blocks",
  wp_template: "block templates",
  wp_template_part: "block template parts",
  wp_global_styles: "global styles",
  wp_navigation: "block navigation menus",
  oembed_cache: "oEmbed caches",
  user_request: "privacy requests",
};

/**
 * Imports a WordPress export (WXR) into the database in one transaction: a broken file, or any
 * failure, leaves the database as it was. The file is read twice, streaming: first the ids,
 * terms, attachments and menus, then the content, written as it is read.
 */
export async function importWordPress(options: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const timeZone = checkTimeZone(options.timeZone ?? "UTC");
  const stickySlot = options.stickySlot ?? "featured";
  if (!HANDLE_PATTERN.test(stickySlot)) throw new ImportError("BAD_OPTION", `--sticky-slot ${stickySlot}: use lowercase letters and digits joined by - or _`);
  for (const location of options.menuLocations?.keys() ?? []) {
    if (!HANDLE_PATTERN.test(location)) throw new ImportError("BAD_OPTION", `--menu-location ${location}=…: use lowercase letters and digits joined by - or _`);
  }
  const tagMode = options.tags ?? "tags";
  const now = options.now ?? new Date();

  // Pass 1: what items refer to (attachments, parents, menus), and how many there are.
  let channel: Fields = {};
  const authors: Fields[] = [];
  const categories: Fields[] = [];
  const tags: Fields[] = [];
  const menus: { termId: string; slug: string; name: string }[] = [];
  const attachments = new Map<string, string>();
  const posts = new Map<string, PostInfo>();
  const menuItems: MenuItemRecord[] = [];
  const sticky: { id: string; date: number }[] = [];
  let contentItems = 0;
  await readWxr(options.file, {
    channel: (fields) => void (channel = fields),
    author: (fields) => void authors.push(fields),
    term: (kind, fields) => {
      if (kind === "category") categories.push(fields);
      else if (kind === "tag") tags.push(fields);
      else if (fields["wp:term_taxonomy"] === "nav_menu") {
        menus.push({ termId: fields["wp:term_id"] ?? "", slug: fields["wp:term_slug"] ?? "", name: plainText(fields["wp:term_name"]) });
      }
    },
    item: (item) => {
      const f = item.fields;
      const id = f["wp:post_id"] ?? "";
      const type = f["wp:post_type"] ?? "";
      if (type === "attachment") {
        const url = f["wp:attachment_url"] ?? f.guid ?? "";
        if (url) attachments.set(id, url);
      } else if (type === "nav_menu_item") {
        const menu = item.terms.find((term) => term.domain === "nav_menu");
        menuItems.push({
          id,
          menu: menu?.slug ?? "",
          order: Number(f["wp:menu_order"] ?? 0),
          parent: item.meta.get("_menu_item_menu_item_parent") ?? "0",
          title: plainText(f.title),
          type: item.meta.get("_menu_item_type") ?? "",
          object: item.meta.get("_menu_item_object") ?? "",
          objectId: item.meta.get("_menu_item_object_id") ?? "",
          url: item.meta.get("_menu_item_url") ?? "",
        });
      } else if (CONTENT_TYPES.has(type)) {
        contentItems++;
        posts.set(id, { type, slug: f["wp:post_name"] ?? "", title: plainText(f.title) });
        if (f["wp:is_sticky"] === "1") sticky.push({ id, date: wordpressDate(f["wp:post_date_gmt"], f["wp:post_date"], timeZone)?.getTime() ?? 0 });
      }
    },
  });
  if (!channel["wp:base_blog_url"] && !channel["wp:base_site_url"] && !options.baseUrl && authors.length + categories.length + contentItems === 0) {
    throw new ImportError("WXR_MALFORMED", `${options.file}: not a WordPress export (no wp:base_blog_url, no authors, terms or items)`);
  }
  const base = siteBase(options.baseUrl ?? channel["wp:base_blog_url"] ?? channel["wp:base_site_url"] ?? channel.link ?? "");
  const site = `wordpress:${base.origin}${base.path}`;

  const summary = new ImportSummary();
  summary.dryRun = options.dryRun ?? false;
  const changed = new Set<string>(publicFeedKeys);
  /** The articles and pages the import created, updated or deleted: one batched change at the end. */
  const written: Omit<NewChange, "occurredAt">[] = [];
  const wrote = (type: string, entityType: "Article" | "Page", rowId: number, slug: string | null, uri: string | null) =>
    written.push({ type, entityType, entityId: gid(entityType, rowId), slug, uriAfter: uri, cacheKeys: [] });
  for (const key of [cacheKeys.articleSearch, cacheKeys.articleContent]) changed.add(key);

  const run = async (tx: Tx) => {
    const sources = new Map<string, SourceRow>();
    for (const row of await tx.importSource.findMany({ where: { site } })) {
      sources.set(`${row.kind}:${row.externalId}`, { id: row.id, rowId: row.rowId, digest: row.digest, importedSlug: row.importedSlug, seen: false });
    }
    const source = (kind: SourceKind, externalId: string) => {
      const row = sources.get(`${kind}:${externalId}`);
      if (row) row.seen = true;
      return row;
    };
    const remember = async (kind: SourceKind, externalId: string, rowId: number, digest: string, importedSlug: string | null) => {
      const key = `${kind}:${externalId}`;
      const existing = sources.get(key);
      if (existing) await tx.importSource.update({ where: { id: existing.id }, data: { rowId, digest, importedSlug, importedAt: now } });
      else {
        const row = await tx.importSource.create({ data: { site, kind, externalId, rowId, digest, importedSlug, importedAt: now } });
        sources.set(key, { id: row.id, rowId, digest, importedSlug, seen: true });
      }
    };
    /** The row an earlier import made, if it is still there. */
    const existingRow = async <T>(kind: SourceKind, externalId: string, find: (id: number) => Promise<T | null>) => {
      const known = source(kind, externalId);
      return known ? { known, row: await find(known.rowId) } : { known: undefined, row: null };
    };
    const redirects: { fromUri: string; toUri: string }[] = [];
    const redirect = (oldLink: string | null | undefined, toUri: string) => {
      const fromUri = oldLink == null ? null : ownPath(oldLink, base);
      if (fromUri && fromUri !== toUri) redirects.push({ fromUri, toUri });
    };
    /** A slug of our own for `wanted`: the row keeps its own when it has it, else the first free. */
    const slugFor = async (model: SluggedModel, wanted: string, fallback: string, own?: string) => {
      const base = wanted || slugify(fallback) || model;
      if (own === base) return base;
      return freeSlugFrom(tx, model, base);
    };
    const keepEditedSlug = (kind: Kind, what: string, known: SourceRow | undefined, current: string, wanted: string) => {
      if (known?.importedSlug && current !== known.importedSlug) {
        if (wanted !== current) summary.note(`Slugs changed in Lantern since the last import, kept`, `${kind} ${what}: /${current}/ (WordPress: ${wanted})`);
        return true;
      }
      return false;
    };

    // Authors, by login.
    const authorIds = new Map<string, number>();
    for (const fields of authors) {
      const login = fields["wp:author_login"] ?? "";
      const display = plainText(fields["wp:author_display_name"]) || login;
      const { name, credentials } = splitDisplayName(display);
      const wanted = slugify(login) || slugify(name);
      const digest = digestOf([name, credentials, wanted]);
      const { known, row } = await existingRow("AUTHOR", login, (id) => tx.author.findUnique({ where: { id } }));
      if (row) {
        authorIds.set(login, row.id);
        if (known.digest === digest) summary.count("authors", "unchanged");
        else {
          const keep = keepEditedSlug("authors", login, known, row.slug, wanted);
          const slug = keep ? undefined : await slugFor("author", wanted, name, row.slug);
          await updateAuthor(tx, gid("Author", row.id), { name: cut(name, 200), credentials, slug }, IMPORTER);
          summary.count("authors", "updated");
          changed.add(cacheKeys.author(row.id)).add(cacheKeys.authorArticles(row.id));
        }
        await remember("AUTHOR", login, row.id, digest, known.importedSlug);
        continue;
      }
      const slug = await slugFor("author", wanted, name);
      const id = await createAuthor(tx, { name: cut(name, 200), credentials, slug }, IMPORTER);
      authorIds.set(login, id);
      summary.count("authors", "created");
      await remember("AUTHOR", login, id, digest, slug);
    }
    if (authors.length) summary.note("Authors", "WordPress exports carry no biographies, pictures or profiles: add them in Lantern (updateAuthor, updateAuthorProfile)");
    let fallbackAuthor: number | undefined;
    const authorFor = async (login: string) => {
      const id = authorIds.get(login);
      if (id !== undefined) return id;
      fallbackAuthor ??= await createAuthor(tx, { name: login || "WordPress", slug: await slugFor("author", slugify(login), "wordpress") }, IMPORTER);
      authorIds.set(login, fallbackAuthor);
      return fallbackAuthor;
    };

    // Categories, parents before children whatever their order in the file (tags too, with --tags=categories).
    const categoryTerms = [
      ...categories.map((f) => ({
        termId: f["wp:term_id"] ?? "",
        wpSlug: f["wp:category_nicename"] ?? "",
        parent: f["wp:category_parent"] ?? "",
        name: plainText(f["wp:cat_name"]) || f["wp:category_nicename"] || "Category",
        description: plainText(f["wp:category_description"]),
      })),
      ...(tagMode === "categories"
        ? tags.map((f) => ({ termId: `tag:${f["wp:term_id"] ?? f["wp:tag_slug"]}`, wpSlug: f["wp:tag_slug"] ?? "", parent: "", name: plainText(f["wp:tag_name"]) || f["wp:tag_slug"] || "Tag", description: plainText(f["wp:tag_description"]) }))
        : []),
    ];
    const bySlug = new Map(categoryTerms.map((term) => [term.wpSlug, term]));
    const categoryIds = new Map<string, number>(); // WordPress nicename → Lantern id
    const categoryWpIds = new Map<string, number>(); // WordPress term id → Lantern id
    const ordered: typeof categoryTerms = [];
    const placed = new Set<string>();
    const place = (term: (typeof categoryTerms)[number], path: Set<string>) => {
      if (placed.has(term.wpSlug) || path.has(term.wpSlug)) return;
      const parent = term.parent ? bySlug.get(term.parent) : undefined;
      if (parent) place(parent, new Set([...path, term.wpSlug]));
      placed.add(term.wpSlug);
      ordered.push(term);
    };
    for (const term of categoryTerms) place(term, new Set());
    const wpCategoryPath = (term: (typeof categoryTerms)[number]): string[] => {
      const path = [term.wpSlug];
      for (let parent = bySlug.get(term.parent); parent && !path.includes(parent.wpSlug); parent = bySlug.get(parent.parent)) path.unshift(parent.wpSlug);
      return path;
    };
    const categoryUris = new Map<number, string>();
    for (const term of ordered) {
      const wanted = wordpressSlug(term.wpSlug);
      const parentId = term.parent ? categoryIds.get(term.parent) : undefined;
      const digest = digestOf([term.name, term.description, wanted, term.parent]);
      const { known, row } = await existingRow("CATEGORY", term.termId, (id) => tx.category.findUnique({ where: { id } }));
      let id: number;
      if (row) {
        id = row.id;
        if (known.digest === digest) summary.count("categories", "unchanged");
        else {
          const keep = keepEditedSlug("categories", term.wpSlug, known, row.slug, wanted);
          const slug = keep ? undefined : await slugFor("category", wanted, term.name, row.slug);
          await updateCategory(tx, gid("Category", id), { name: cut(term.name, 200), description: term.description || null, slug, parentId: parentId === undefined ? null : gid("Category", parentId) });
          summary.count("categories", "updated");
          changed.add(cacheKeys.category(id)).add(cacheKeys.categoryArticles(id));
        }
        await remember("CATEGORY", term.termId, id, digest, known.importedSlug);
      } else {
        const slug = await slugFor("category", wanted, term.name);
        if (wanted && slug !== wanted) summary.note("Slugs taken, given a suffix", `category ${term.wpSlug} → ${slug}`);
        id = await createCategory(tx, { name: cut(term.name, 200), description: term.description || null, slug, parentId: parentId === undefined ? null : gid("Category", parentId) });
        summary.count("categories", "created");
        await remember("CATEGORY", term.termId, id, digest, slug);
      }
      categoryIds.set(term.wpSlug, id);
      if (!term.termId.startsWith("tag:")) categoryWpIds.set(term.termId, id);
    }
    const categoryUriOf = async (id: number) => {
      if (!categoryUris.has(id)) {
        const path: string[] = [];
        for (let row = await tx.category.findUnique({ where: { id } }); row && path.length < 20; row = row.parentId == null ? null : await tx.category.findUnique({ where: { id: row.parentId } })) path.unshift(row.slug);
        categoryUris.set(id, uris.category(path));
      }
      return categoryUris.get(id)!;
    };
    for (const term of ordered) {
      const id = categoryIds.get(term.wpSlug)!;
      const uri = await categoryUriOf(id);
      if (term.termId.startsWith("tag:")) redirect(`/tag/${term.wpSlug}/`, uri);
      else {
        redirect(`/category/${wpCategoryPath(term).join("/")}/`, uri);
        redirect(`/?cat=${term.termId}`, uri);
      }
    }
    let uncategorized: number | undefined;
    const fallbackCategory = async () => {
      uncategorized ??= (await tx.category.findUnique({ where: { slug: "uncategorized" } }))?.id ?? (await createCategory(tx, { name: "Uncategorized", slug: "uncategorized" }));
      return uncategorized;
    };

    // Tags.
    const tagIds = new Map<string, number>();
    const tagUris = new Set<string>();
    const ensureTag = async (wpSlug: string, name: string, description: string, termId: string) => {
      const wanted = wordpressSlug(wpSlug) || slugify(name);
      const digest = digestOf([name, description, wanted]);
      const { known, row } = await existingRow("TAG", termId, (id) => tx.tag.findUnique({ where: { id } }));
      let id: number;
      if (row) {
        id = row.id;
        if (known.digest === digest) summary.count("tags", "unchanged");
        else {
          const keep = keepEditedSlug("tags", wpSlug, known, row.slug, wanted);
          await updateTag(tx, id, { name: cut(name, 200), description: description || null, slug: keep ? undefined : await slugFor("tag", wanted, name, row.slug) });
          summary.count("tags", "updated");
          changed.add(cacheKeys.tag(id)).add(cacheKeys.tagArticles(id));
        }
        await remember("TAG", termId, id, digest, known.importedSlug);
      } else {
        const slug = await slugFor("tag", wanted, name);
        id = await createTag(tx, { name: cut(name, 200), description: description || null, slug });
        summary.count("tags", "created");
        await remember("TAG", termId, id, digest, slug);
      }
      tagIds.set(wpSlug, id);
      const tag = await tx.tag.findUniqueOrThrow({ where: { id }, select: { slug: true } });
      tagUris.add(uris.tag(tag.slug));
      redirect(`/tag/${wpSlug}/`, uris.tag(tag.slug));
      return id;
    };
    if (tagMode === "tags") {
      for (const f of tags) await ensureTag(f["wp:tag_slug"] ?? "", plainText(f["wp:tag_name"]) || (f["wp:tag_slug"] ?? "tag"), plainText(f["wp:tag_description"]), f["wp:term_id"] ?? `slug:${f["wp:tag_slug"]}`);
    } else if (tagMode === "drop" && tags.length) summary.skip("tags", "--tags=drop");

    // Pass 2: posts and pages, written as they are read.
    const articleIds = new Map<string, number>();
    const pageIds = new Map<string, number>();
    const contentUris = new Map<string, string>(); // WordPress post id → new URI
    let done = 0;
    const attachmentUrl = (id: string) => attachments.get(id);
    const writeItem = async (item: WxrItem) => {
      const f = item.fields;
      const type = f["wp:post_type"] ?? "";
      if (!CONTENT_TYPES.has(type)) {
        summary.other(NOT_CONTENT[type] ?? `items of the unknown type "${type}"`);
        return;
      }
      if (item.comments) summary.other("comments", item.comments);
      const kind: Kind = type === "post" ? "articles" : "pages";
      const id = f["wp:post_id"] ?? "";
      const decision = decideStatus(f["wp:status"] ?? "", f["wp:post_password"] ?? "");
      if (decision.action === "skip") {
        summary.skip(kind, decision.reason);
        return;
      }
      const title = cut(plainText(f.title), 300) || "Untitled";
      if (decision.passwordProtected) summary.note("Password-protected, imported as drafts (never public)", `${type} ${id}: ${title}`);
      const converted = convertContent(f["content:encoded"] ?? "", { attachmentUrl });
      summary.shortcodes(converted.removedShortcodes);
      const body = converted.html || "<p></p>";
      const date = wordpressDate(f["wp:post_date_gmt"], f["wp:post_date"], timeZone) ?? now;
      const modified = wordpressDate(f["wp:post_modified_gmt"], f["wp:post_modified"], timeZone) ?? date;
      const wanted = wordpressSlug(f["wp:post_name"]);
      const oldLinks = [f.link, type === "post" ? `/?p=${id}` : `/?page_id=${id}`, type === "page" ? `/?p=${id}` : null];
      const localDate = wordpressLocalDate(f["wp:post_date"], "UTC");
      if (type === "post" && localDate && f["wp:post_name"]) {
        const [y, m, d] = localDate.toISOString().slice(0, 10).split("-");
        oldLinks.push(`/${y}/${m}/${d}/${f["wp:post_name"]}/`);
      }
      if (f["wp:post_name"]) oldLinks.push(type === "post" ? `/${f["wp:post_name"]}/` : `/page/${f["wp:post_name"]}/`);
      try {
        if (type === "page") {
          const status = decision.status === "PUBLISHED" && !decision.scheduled ? "PUBLISHED" : "DRAFT";
          if (decision.scheduled) summary.note("Scheduled pages imported as drafts (pages are not scheduled)", `page ${id}: ${title}`);
          const digest = digestOf([title, body, status, wanted, modified.toISOString()]);
          const { known, row } = await existingRow("PAGE", id, (rowId) => tx.page.findUnique({ where: { id: rowId } }));
          let pageId: number;
          let slug: string;
          if (row) {
            pageId = row.id;
            slug = row.slug;
            if (known.digest === digest) summary.count("pages", "unchanged");
            else {
              const keep = keepEditedSlug("pages", id, known, row.slug, wanted);
              const newSlug = keep ? row.slug : await slugFor("page", wanted, title, row.slug);
              await updatePage(tx, gid("Page", pageId), { title, body, status, slug: newSlug });
              await tx.page.update({ where: { id: pageId }, data: { updatedAt: modified } });
              slug = newSlug;
              summary.count("pages", "updated");
              wrote("page.updated", "Page", pageId, slug, uris.page(slug));
            }
            await remember("PAGE", id, pageId, digest, keepEditedSlug("pages", id, known, row.slug, wanted) ? known.importedSlug : slug);
          } else {
            slug = await slugFor("page", wanted, title);
            if (wanted && slug !== wanted) summary.note("Slugs taken, given a suffix", `page ${id}: ${wanted} → ${slug}`);
            pageId = await createPage(tx, { title, body, status, slug });
            await tx.page.update({ where: { id: pageId }, data: { createdAt: date, updatedAt: modified } });
            summary.count("pages", "created");
            wrote("page.created", "Page", pageId, slug, uris.page(slug));
            await remember("PAGE", id, pageId, digest, slug);
          }
          pageIds.set(id, pageId);
          changed.add(cacheKeys.page(pageId)).add(cacheKeys.slugLookup("Page", slug)).add(cacheKeys.uri(uris.page(slug)));
          contentUris.set(id, uris.page(slug));
          for (const link of oldLinks) redirect(link, uris.page(slug));
          return;
        }

        const authorId = await authorFor(f["dc:creator"] ?? "");
        const categorySlugs = item.terms.filter((term) => term.domain === "category" || (tagMode === "categories" && term.domain === "post_tag")).map((term) => term.slug);
        const itemCategoryIds = [...new Set(categorySlugs.map((slug) => categoryIds.get(slug)).filter((categoryId): categoryId is number => categoryId !== undefined))].slice(0, 20);
        if (itemCategoryIds.length === 0) itemCategoryIds.push(await fallbackCategory());
        const itemTagIds: number[] = [];
        if (tagMode === "tags") {
          for (const term of item.terms.filter((t) => t.domain === "post_tag")) {
            itemTagIds.push(tagIds.get(term.slug) ?? (await ensureTag(term.slug, plainText(term.name) || term.slug, "", `slug:${term.slug}`)));
          }
        }
        const thumbnail = item.meta.get("_thumbnail_id");
        const featuredImageUrl = thumbnail ? (attachments.get(thumbnail) ?? null) : null;
        const excerptText = plainText(f["excerpt:encoded"]);
        const excerpt = excerptText ? cut(excerptText, 1000) : null;
        const publishedAt = decision.status === "PUBLISHED" ? date : null;
        const fields = {
          title,
          body,
          excerpt,
          authorId: gid("Author", authorId),
          categoryIds: itemCategoryIds.map((categoryId) => gid("Category", categoryId)),
          featuredImageUrl: featuredImageUrl && /^https?:\/\//i.test(featuredImageUrl) ? featuredImageUrl : null,
          videoUrl: converted.videoUrl,
        };
        const digest = digestOf([fields, decision.status, publishedAt?.toISOString(), wanted, itemTagIds, modified.toISOString()]);
        const { known, row } = await existingRow("ARTICLE", id, (rowId) => tx.article.findUnique({ where: { id: rowId } }));
        let articleId: number;
        let slug: string;
        let importedSlug: string;
        if (row) {
          articleId = row.id;
          slug = row.slug;
          importedSlug = known.importedSlug ?? row.slug;
          if (known.digest === digest) summary.count("articles", "unchanged");
          else {
            const keep = keepEditedSlug("articles", id, known, row.slug, wanted);
            if (!keep) slug = importedSlug = await slugFor("article", wanted, title, row.slug);
            await updateArticle(tx, gid("Article", articleId), { ...fields, slug }, row.version, now);
            if (publishedAt) await publishArticle(tx, gid("Article", articleId), publishedAt, now);
            else if (row.status !== "DRAFT") await unpublishArticle(tx, gid("Article", articleId));
            await setArticleTags(tx, articleId, itemTagIds);
            await tx.article.update({ where: { id: articleId }, data: { updatedAt: modified } });
            summary.count("articles", "updated");
            wrote("article.updated", "Article", articleId, slug, uris.article(slug));
            for (const tagId of [...itemTagIds, ...(await tx.articleTag.findMany({ where: { articleId }, select: { tagId: true } })).map((l) => l.tagId)]) changed.add(cacheKeys.tagArticles(tagId));
          }
        } else {
          slug = importedSlug = await slugFor("article", wanted, title);
          if (wanted && slug !== wanted) summary.note("Slugs taken, given a suffix", `post ${id}: ${wanted} → ${slug}`);
          if (!wanted) summary.note("Slugs made from titles (the post had none)", `post ${id}: ${slug}`);
          articleId = await createArticle(tx, { ...fields, slug });
          if (publishedAt) await publishArticle(tx, gid("Article", articleId), publishedAt, now);
          await setArticleTags(tx, articleId, itemTagIds);
          await tx.article.update({ where: { id: articleId }, data: { createdAt: date, updatedAt: modified } });
          summary.count("articles", "created");
          wrote("article.created", "Article", articleId, slug, uris.article(slug));
          for (const tagId of itemTagIds) changed.add(cacheKeys.tagArticles(tagId));
        }
        await remember("ARTICLE", id, articleId, digest, importedSlug);
        articleIds.set(id, articleId);
        for (const categoryId of itemCategoryIds) changed.add(cacheKeys.categoryArticles(categoryId));
        changed.add(cacheKeys.article(articleId)).add(cacheKeys.authorArticles(authorId)).add(cacheKeys.slugLookup("Article", slug)).add(cacheKeys.uri(uris.article(slug)));
        contentUris.set(id, uris.article(slug));
        for (const link of oldLinks) redirect(link, uris.article(slug));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        summary.skip(kind, `refused by Lantern's rules (${error.message})`);
      } finally {
        options.onProgress?.(++done, contentItems);
      }
    };
    await readWxr(options.file, { item: writeItem });

    // Menus, with their items in menu_order under their parents.
    const menuLocations = new Map<string, string>(); // WordPress menu slug → location
    for (const [location, nameOrSlug] of options.menuLocations ?? []) {
      const menu = menus.find((m) => m.name === nameOrSlug || m.slug === nameOrSlug);
      if (!menu) throw new ImportError("BAD_OPTION", `--menu-location ${location}="${nameOrSlug}": the file has no menu of that name (it has: ${menus.map((m) => `"${m.name}"`).join(", ") || "none"})`);
      menuLocations.set(menu.slug, location);
    }
    if (!options.menuLocations?.size && menus[0]) menuLocations.set(menus[0].slug, "primary");
    for (const menu of menus) {
      const location = menuLocations.get(menu.slug);
      if (!location) {
        summary.skip("menus", "no --menu-location names it");
        continue;
      }
      const items = menuItems.filter((item) => item.menu === menu.slug).sort((a, b) => a.order - b.order);
      const ids = new Set(items.map((item) => item.id));
      const children = (parent: string): MenuItemInput[] =>
        items
          .filter((item) => (item.parent === parent || (parent === "0" && !ids.has(item.parent))) && item.id !== parent)
          .flatMap((item) => {
            const target = menuTarget(item);
            if (!target) {
              summary.note("Menu items left out (their target was not imported)", `${menu.name}: ${item.title || item.object} (${item.type} ${item.objectId || item.url})`);
              return [];
            }
            return [{ ...target, label: cut(item.title || target.label, 100) || "Link", children: children(item.id) }];
          });
      const menuTarget = (item: MenuItemRecord): (Omit<MenuItemInput, "label"> & { label: string }) | null => {
        if (item.type === "taxonomy" && item.object === "category") {
          const categoryId = categoryWpIds.get(item.objectId);
          const term = categoryTerms.find((t) => t.termId === item.objectId);
          return categoryId === undefined ? null : { categoryId: gid("Category", categoryId), label: term?.name ?? "" };
        }
        if (item.type === "taxonomy" && item.object === "post_tag") {
          const term = tags.find((t) => t["wp:term_id"] === item.objectId);
          const tagId = term ? tagIds.get(term["wp:tag_slug"] ?? "") : undefined;
          if (tagId === undefined) return null;
          return { url: contentUriOfTag(term!["wp:tag_slug"] ?? ""), label: plainText(term!["wp:tag_name"]) };
        }
        if (item.type === "post_type") {
          const info = posts.get(item.objectId);
          if (item.object === "page" && pageIds.has(item.objectId)) return { pageId: gid("Page", pageIds.get(item.objectId)!), label: info?.title ?? "" };
          if (articleIds.has(item.objectId)) return { articleId: gid("Article", articleIds.get(item.objectId)!), label: info?.title ?? "" };
          return null;
        }
        if (!item.url) return null;
        const path = ownPath(item.url, base);
        if (path == null) return { url: item.url, label: "" };
        const moved = redirectsByFrom().get(path);
        return { url: moved ?? path, label: "" };
      };
      let redirectIndex: Map<string, string> | undefined;
      const redirectsByFrom = () => (redirectIndex ??= new Map(redirects.map((r) => [r.fromUri, r.toUri])));
      const contentUriOfTag = (wpSlug: string) => redirectsByFrom().get(`/tag/${wpSlug}/`) ?? `/tag/${wpSlug}/`;
      const tree = children("0");
      const digest = digestOf([location, menu.name, tree]);
      const known = source("MENU", menu.termId || menu.slug);
      try {
        if (known && known.digest === digest && (await tx.menu.findUnique({ where: { location } }))) summary.count("menus", "unchanged");
        else {
          await setMenu(tx, location, tree, cut(menu.name, 100));
          summary.count("menus", known ? "updated" : "created");
        }
        const row = await tx.menu.findUniqueOrThrow({ where: { location } });
        await remember("MENU", menu.termId || menu.slug, row.id, digest, location);
        changed.add(cacheKeys.menu(location));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        summary.skip("menus", `refused by Lantern's rules (${error.message})`);
      }
    }

    // Sticky posts: the featured slot, newest first as WordPress shows them.
    const stickyArticles = sticky
      .sort((a, b) => b.date - a.date)
      .map((post) => articleIds.get(post.id))
      .filter((articleId): articleId is number => articleId !== undefined);
    if (stickyArticles.length) {
      const live = await tx.article.findMany({ where: { id: { in: stickyArticles }, status: "PUBLISHED" }, select: { id: true } });
      const liveIds = new Set(live.map((row) => row.id));
      const items = stickyArticles.filter((articleId) => liveIds.has(articleId)).slice(0, 50);
      await setFeatured(tx, stickySlot, items.map((articleId) => ({ articleId: gid("Article", articleId) })));
      changed.add(cacheKeys.featuredSlot(stickySlot));
      summary.note(`Sticky posts in the featured slot "${stickySlot}"`, `${items.length} article(s)`);
    }

    // Every old link in one hop.
    // An old link that is now the URI of imported content (another post's slug) is that content's.
    const claimed = new Set([...contentUris.values(), ...categoryUris.values(), ...tagUris]);
    const before = await tx.redirect.count();
    const planned = await addRedirects(tx, redirects.filter((move) => !claimed.has(move.fromUri)));
    const after = await tx.redirect.count();
    for (const { fromUri } of redirects) changed.add(cacheKeys.uri(fromUri));
    const created = Math.max(0, after - before);
    summary.counts.get("redirects")!.created = created;
    summary.counts.get("redirects")!.unchanged = Math.max(0, planned - created);

    // Rows an earlier import made whose items the file no longer has.
    for (const [key, row] of sources) {
      if (row.seen) continue;
      const [kind, externalId] = key.split(":") as [SourceKind, string];
      if (options.prune && (kind === "ARTICLE" || kind === "PAGE")) {
        const exists = kind === "ARTICLE" ? await tx.article.findUnique({ where: { id: row.rowId } }) : await tx.page.findUnique({ where: { id: row.rowId } });
        if (exists) {
          if (kind === "ARTICLE") await deleteArticle(tx, gid("Article", row.rowId));
          else await deletePage(tx, gid("Page", row.rowId));
          changed.add(kind === "ARTICLE" ? cacheKeys.article(row.rowId) : cacheKeys.page(row.rowId));
          wrote(kind === "ARTICLE" ? "article.deleted" : "page.deleted", kind === "ARTICLE" ? "Article" : "Page", row.rowId, null, null);
        }
        await tx.importSource.delete({ where: { id: row.id } });
        summary.note("Deleted (--prune): gone from WordPress", `${kind.toLowerCase()} ${externalId}`);
      } else {
        summary.note(options.prune ? "Gone from WordPress, kept (only articles and pages are pruned)" : "Gone from WordPress, kept (run with --prune to delete them)", `${kind.toLowerCase()} ${externalId} (Lantern id ${row.rowId})`);
      }
    }
    await appendBatchedChange(tx, written, { occurredAt: now, source: "wordpress", cacheKeys: [...changed] });
    if (options.dryRun) throw new DryRunRollback();
  };

  try {
    await inTransaction(run, { timeoutMs: 30 * 60_000 });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  summary.seconds = (Date.now() - started) / 1000;
  return { summary, changedKeys: summary.dryRun ? [] : [...changed] };
}

interface SiteBase {
  origin: string;
  /** The path WordPress is installed under, without a trailing slash ("" at the root). */
  path: string;
}

function siteBase(url: string): SiteBase {
  try {
    const parsed = new URL(url);
    return { origin: parsed.origin.toLowerCase(), path: parsed.pathname.replace(/\/+$/, "") };
  } catch {
    return { origin: "", path: "" };
  }
}

/** A link to the old site as a path of this one (the install path cut off); null for a link elsewhere. */
export function ownPath(link: string, base: SiteBase): string | null {
  let path = link.trim();
  if (/^https?:\/\//i.test(path)) {
    let url: URL;
    try {
      url = new URL(path);
    } catch {
      return null;
    }
    if (url.origin.toLowerCase() !== base.origin) return null;
    path = `${url.pathname}${url.search}`;
  } else if (!path.startsWith("/")) return null;
  if (base.path && (path === base.path || path.startsWith(`${base.path}/`) || path.startsWith(`${base.path}?`))) path = path.slice(base.path.length) || "/";
  return normalizeUri(path);
}
