import { builder } from "./builder.ts";
import { Page } from "./page.ts";
import { PAGE_STATUSES } from "../visibility.ts";

export const PageStatusEnum = builder.enumType("PageStatus", { values: PAGE_STATUSES });

builder.prismaObjectFields(Page, (t) => ({
  status: t.field({
    type: PageStatusEnum,
    description: "Anonymous callers see PUBLISHED pages only",
    select: { status: true },
    resolve: (page) => page.status as (typeof PAGE_STATUSES)[number],
  }),
}));
