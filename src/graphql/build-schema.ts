import { builder } from "./builder.ts";
import "./scalars/scalars.ts";
import "./scalars/text-format.ts";
import "./types/article.ts";
import "./types/search.ts";
import "./types/article-trust.ts";
import "./types/article-revisions.ts";
import "./types/author-credentials.ts";
import "./types/review-queries.ts";
import "./types/editorial-settings.ts";
import "./types/author.ts";
import "./types/category.ts";
import "./types/tag.ts";
import "./connections/nested-article-connections.ts";
import "./types/page.ts";
import "./types/featured.ts";
import "./types/featured-subscription.ts";
import "./types/menu.ts";
import "./types/site.ts";
import "./types/uri-target.ts";
import "./mutations/index.ts";
import "./types/forms.ts";
import "./types/forms-editor.ts";
import "./types/changes.ts";
import "./types/webhooks.ts";

/** A new schema object from the types above: each server rewrites its own (src/app/schema-steps.ts). */
export function buildSchema() {
  return builder.toSchema({ sortSchema: false });
}
