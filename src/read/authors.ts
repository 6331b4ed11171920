import DataLoader from "dataloader";
import { Prisma, type Author } from "../generated/prisma/client.ts";
import { db } from "../db/client.ts";

/**
 * Authors by id, every author a request needs in one statement (bylines of any number of
 * articles), read with $queryRaw: a model query costs several times as much.
 */
export function authorByIdLoader() {
  return new DataLoader<number, Author | null>(async (ids) => {
    const authors = await db().$queryRaw<Author[]>`
      SELECT "id", "slug", "name", "credentials", "bio", "websiteUrl", "avatarUrl", "isOrganization", "publishedArticleCount", "createdAt", "updatedAt"
      FROM "Author" WHERE "id" IN (${Prisma.join(ids)})`;
    const byId = new Map(authors.map((author) => [author.id, author]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
