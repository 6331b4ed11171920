import DataLoader from "dataloader";
import type { FeaturedItem } from "../generated/prisma/client.ts";
import { db } from "../db.ts";
import { activeFeaturedWhere } from "../visibility.ts";
import type { Viewer } from "../viewer.ts";

/** The live items of every slot asked for in a request, fetched with one statement. */
export function featuredBySlotLoader(scope: { viewer: Viewer; now: Date }) {
  return new DataLoader<string, FeaturedItem[]>(async (slots) => {
    const items = await db().featuredItem.findMany({
      where: { slot: { in: [...slots] }, ...activeFeaturedWhere(scope) },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    return slots.map((slot) => items.filter((item) => item.slot === slot));
  });
}
