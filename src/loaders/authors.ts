import DataLoader from "dataloader";
import type { Author } from "../generated/prisma/client.ts";
import { queryRows, read } from "../sql/query.ts";
import { sql } from "../sql/statement.ts";

/** Authors by id, every author a request needs in one statement (bylines of any number of articles). */
export function authorByIdLoader() {
  return new DataLoader<number, Author | null>(async (ids) => {
    const rows = await queryRows(sql`
      SELECT "id", "slug", "name", "credentials", "bio", "websiteUrl", "avatarUrl", "isOrganization", "createdAt", "updatedAt"
      FROM "Author" WHERE "id" IN ${ids}`);
    const byId = new Map(
      rows.map((row) => [
        read.int(row.id),
        {
          id: read.int(row.id),
          slug: read.string(row.slug),
          name: read.string(row.name),
          credentials: read.stringOrNull(row.credentials),
          bio: read.stringOrNull(row.bio),
          websiteUrl: read.stringOrNull(row.websiteUrl),
          avatarUrl: read.stringOrNull(row.avatarUrl),
          isOrganization: read.boolean(row.isOrganization),
          createdAt: read.date(row.createdAt),
          updatedAt: read.date(row.updatedAt),
        },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  });
}
