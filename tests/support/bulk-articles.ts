import { db } from "../../src/db/client.ts";
import { onPostgres } from "./database.ts";

/** `count` more published articles (slugs `<prefix>-<from>`, …), by the first author, in one statement. */
export async function addArticles(from: number, count: number, prefix = "miss") {
  const author = await db().author.findFirstOrThrow({ orderBy: { id: "asc" } });
  const insert = onPostgres
    ? `INSERT INTO "Article" ("slug", "title", "body", "bodyText", "wordCount", "status", "publishedAt", "authorId", "updatedAt")
       SELECT '${prefix}-' || i, 'Miss ' || i, '<p>x</p>', 'x', 1, 'PUBLISHED', to_timestamp(1577836800 + i), $1, to_timestamp(1577836800 + i)
       FROM generate_series(${from}, ${from + count - 1}) AS i`
    : `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${from + count - 1})
       INSERT INTO "Article" ("slug", "title", "body", "bodyText", "wordCount", "status", "publishedAt", "authorId", "updatedAt")
       SELECT '${prefix}-' || i, 'Miss ' || i, '<p>x</p>', 'x', 1, 'PUBLISHED',
              strftime('%Y-%m-%dT%H:%M:%f+00:00', 1577836800 + i, 'unixepoch'), ?,
              strftime('%Y-%m-%dT%H:%M:%f+00:00', 1577836800 + i, 'unixepoch')
       FROM n`;
  await db().$executeRawUnsafe(insert, author.id);
}
