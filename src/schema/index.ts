import { builder } from "./builder.ts";
import { freshLoadersAfterMutations } from "./fresh-loaders.ts";
import "./scalars.ts";
import "./text-format.ts";
import "./article.ts";
import "./author.ts";
import "./category.ts";
import "./nested-article-connections.ts";
import "./page.ts";
import "./featured.ts";
import "./featured-subscription.ts";
import "./menu.ts";
import "./site.ts";
import "./uri-target.ts";
import "./mutations/index.ts";

export const schema = freshLoadersAfterMutations(builder.toSchema({ sortSchema: false }));
