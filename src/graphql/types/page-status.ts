import { builder } from "../builder.ts";
import { Page } from "./page.ts";
import { PAGE_STATUSES } from "../../domain/visibility.ts";

export const PageStatusEnum = builder.enumType("PageStatus", {
  description: "Whether a page is visible to anonymous callers",
  values: {
    DRAFT: { description: "Being written; editors only" },
    PUBLISHED: { description: "Visible to everyone" },
  } satisfies Record<(typeof PAGE_STATUSES)[number], { description: string }>,
});

builder.prismaObjectFields(Page, (t) => ({
  status: t.field({
    type: PageStatusEnum,
    description: "Anonymous callers see PUBLISHED pages only",
    select: { status: true },
    resolve: (page) => page.status as (typeof PAGE_STATUSES)[number],
  }),
}));
