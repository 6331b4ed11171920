import { builder } from "../builder.ts";
import type { CursorOrder } from "../connections/pagination.ts";
import type { KeysetSort } from "../connections/keyset.ts";

export const ArticleOrderEnum = builder.enumType("ArticleOrder", {
  description: "Orders of an article list",
  values: {
    NEWEST: { description: "Most recently published first" },
    OLDEST: { description: "Oldest first" },
    TITLE: { description: "By title, A to Z" },
  } as const,
});

export type ArticleOrder = "NEWEST" | "OLDEST" | "TITLE";

export interface SortableArticle {
  id: number;
  publishedAt?: Date | null;
  title?: string;
}

type SortKey = Date | string | null;

export interface ArticleOrdering {
  sort: KeysetSort;
  cursor: CursorOrder<SortableArticle, SortKey>;
  /** The columns a row needs for its cursor. */
  select: { id: true; publishedAt?: true; title?: true };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_TITLE_LENGTH = 1000;

function parseInstant(raw: unknown, nullable: boolean): Date | null | undefined {
  if (raw === null) return nullable ? null : undefined;
  if (typeof raw !== "string" || !ISO_INSTANT.test(raw)) return undefined;
  const instant = new Date(raw);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/**
 * How articles are ordered and paged in each order. Unpublished articles (no publication date)
 * come last in NEWEST and OLDEST; only callers who may see them get the null-aware form.
 */
export function articleOrdering(order: ArticleOrder | null | undefined, withUnpublished: boolean): ArticleOrdering {
  const name = order ?? "NEWEST";
  if (name === "TITLE") {
    return {
      sort: { column: "title", direction: "asc", nullable: false },
      select: { id: true, title: true },
      cursor: {
        name: "Article:TITLE",
        positionOf: (row) => ({ key: row.title!, id: row.id }),
        parseKey: (raw) => (typeof raw === "string" && raw.length <= MAX_TITLE_LENGTH ? raw : undefined),
      },
    };
  }
  return {
    sort: { column: "publishedAt", direction: name === "NEWEST" ? "desc" : "asc", nullable: withUnpublished },
    select: { id: true, publishedAt: true },
    cursor: {
      name: `Article:${name}`,
      positionOf: (row) => ({ key: row.publishedAt ?? null, id: row.id }),
      parseKey: (raw) => parseInstant(raw, withUnpublished),
      formatKey: (key) => (key instanceof Date ? key.toISOString() : key),
    },
  };
}
