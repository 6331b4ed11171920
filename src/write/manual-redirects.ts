import type { Tx } from "../db/transaction.ts";
import { badInput, codedError } from "../domain/errors.ts";
import { normalizeHttpUrl, normalizeUri, parseUri, withinUrlLimit } from "../domain/uri.ts";
import { CategoryDirectory } from "../read/category-directory.ts";
import { addRedirect } from "./redirects.ts";

/** Whether content answers at `uri` (a redirect from there would never be followed). */
async function contentExistsAt(tx: Tx, uri: string): Promise<boolean> {
  const parsed = parseUri(uri);
  switch (parsed?.kind) {
    case "home":
      return true;
    case "article":
      return (await tx.article.count({ where: { slug: parsed.slug } })) > 0;
    case "page":
      return (await tx.page.count({ where: { slug: parsed.slug } })) > 0;
    case "author":
      return (await tx.author.count({ where: { slug: parsed.slug } })) > 0;
    case "category":
      return new CategoryDirectory(await tx.category.findMany()).byPath(parsed.slugPath) != null;
    default:
      return false;
  }
}

function siteUri(value: string, field: string): string {
  const normalized = withinUrlLimit(value) && value.trim().startsWith("/") ? normalizeUri(value) : null;
  if (normalized == null || parseUri(normalized) == null) {
    throw badInput(`${field}: must be a site path such as /old-article/`, { field });
  }
  return normalized;
}

/** `to` may be a site path or an absolute http(s) URL elsewhere. */
export async function createRedirect(tx: Tx, rawFrom: string, rawTo: string): Promise<{ from: string; to: string }> {
  const from = siteUri(rawFrom, "from");
  const to = normalizeHttpUrl(rawTo) ?? siteUri(rawTo, "to");
  if (from === to) throw badInput("to: a redirect cannot point at itself", { field: "to" });
  if (await tx.redirect.findUnique({ where: { fromUri: from } })) {
    throw codedError("CONFLICT", `A redirect from ${from} already exists; delete it first`, { field: "from" });
  }
  if (await contentExistsAt(tx, from)) {
    throw codedError("CONFLICT", `Content lives at ${from}; a redirect from there would never be followed`, { field: "from" });
  }
  await addRedirect(tx, from, to);
  return { from, to };
}

export async function deleteRedirect(tx: Tx, rawFrom: string): Promise<string> {
  const from = siteUri(rawFrom, "from");
  const { count } = await tx.redirect.deleteMany({ where: { fromUri: from } });
  if (count === 0) throw codedError("NOT_FOUND", `No redirect from ${from}`, { field: "from" });
  return from;
}
