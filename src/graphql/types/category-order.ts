import type { Category } from "../../generated/prisma/client.ts";
import type { CursorOrder } from "../connections/pagination.ts";
import { compareText, type PositionOrder } from "../connections/list-window.ts";

type CountKey = [count: number, name: string];

const MAX_NAME_LENGTH = 1000;
const isName = (raw: unknown): raw is string => typeof raw === "string" && raw.length <= MAX_NAME_LENGTH;

export interface CategoryOrdering<Key> {
  cursor: CursorOrder<Category, Key>;
  compare: PositionOrder<Key>;
}

/** Categories by published-article count, most first, then by name; ids break ties. */
export function byArticleCount(articleCount: (category: Category) => number): CategoryOrdering<CountKey> {
  return {
    cursor: {
        name: "Category:ARTICLE_COUNT",
      positionOf: (category) => ({ key: [articleCount(category), category.name], id: category.id }),
      parseKey: (raw) =>
        Array.isArray(raw) && raw.length === 2 && Number.isSafeInteger(raw[0]) && isName(raw[1]) ? (raw as CountKey) : undefined,
    },
    compare: (a, b) => b.key[0] - a.key[0] || compareText(a.key[1], b.key[1]) || a.id - b.id,
  };
}

/** Categories by name, A to Z; ids break ties. */
export function byName(): CategoryOrdering<string> {
  return {
    cursor: {
      name: "Category:NAME",
      positionOf: (category) => ({ key: category.name, id: category.id }),
      parseKey: (raw) => (isName(raw) ? raw : undefined),
    },
    compare: (a, b) => compareText(a.key, b.key) || a.id - b.id,
  };
}
