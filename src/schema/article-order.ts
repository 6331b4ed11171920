import type { Prisma } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";

export const ArticleOrderEnum = builder.enumType("ArticleOrder", {
  values: {
    NEWEST: { description: "Most recently published first" },
    OLDEST: { description: "Oldest first" },
    TITLE: { description: "By title, A to Z" },
  } as const,
});

type ArticleOrder = "NEWEST" | "OLDEST" | "TITLE";

export function articleOrderBy(order: ArticleOrder | null | undefined): Prisma.ArticleOrderByWithRelationInput[] {
  switch (order ?? "NEWEST") {
    case "OLDEST":
      return [{ publishedAt: "asc" }, { id: "asc" }];
    case "TITLE":
      return [{ title: "asc" }, { id: "asc" }];
    default:
      return [{ publishedAt: "desc" }, { id: "desc" }];
  }
}
