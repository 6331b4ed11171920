import { builder } from "../builder.ts";
import "./article-mutations.ts";
import "./author-mutations.ts";
import "./category-mutations.ts";
import "./page-mutations.ts";
import "./featured-mutations.ts";
import "./menu-mutations.ts";
import "./site-mutations.ts";
import "./redirect-mutations.ts";
import "./review-mutations.ts";
import "./webhook-mutations.ts";
import "./preview-mutations.ts";

builder.mutationType({
  description: "Editing, with an API token (see docs/editors.md); and the public forms (subscribe, confirmSubscription, unsubscribe, sendContactMessage), which need none",
});
