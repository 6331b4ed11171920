import type { Tx } from "../db/transaction.ts";
import { codedError } from "../domain/errors.ts";
import { decodeNodeId } from "../domain/global-ids.ts";

export function notFound(typename: string, globalId: string, field: string) {
  return codedError("NOT_FOUND", `No ${typename} with id "${globalId}"`, { field });
}

export async function existingArticle(tx: Tx, globalId: string, field: string) {
  const row = await tx.article.findUnique({ where: { id: decodeNodeId(globalId, "Article", field) } });
  if (!row) throw notFound("Article", globalId, field);
  return row;
}

export async function existingAuthor(tx: Tx, globalId: string, field: string) {
  const row = await tx.author.findUnique({ where: { id: decodeNodeId(globalId, "Author", field) } });
  if (!row) throw notFound("Author", globalId, field);
  return row;
}

export async function existingCategory(tx: Tx, globalId: string, field: string) {
  const row = await tx.category.findUnique({ where: { id: decodeNodeId(globalId, "Category", field) } });
  if (!row) throw notFound("Category", globalId, field);
  return row;
}

export async function existingPage(tx: Tx, globalId: string, field: string) {
  const row = await tx.page.findUnique({ where: { id: decodeNodeId(globalId, "Page", field) } });
  if (!row) throw notFound("Page", globalId, field);
  return row;
}
