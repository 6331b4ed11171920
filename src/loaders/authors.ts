import DataLoader from "dataloader";
import { db } from "../db.ts";
import type { Author } from "../generated/prisma/client.ts";

/** Authors by id, every author a request needs in one statement (bylines of any number of articles). */
export function authorByIdLoader() {
  return new DataLoader<number, Author | null>(async (ids) => {
    const authors = await db().author.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(authors.map((author) => [author.id, author]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
