import { readFileSync } from "node:fs";

/**
 * The query GraphiQL opens with: everything the seed article page renders, in one request.
 * It is also a trusted document, so it lives with the others in operations/.
 */
export const ARTICLE_PAGE_QUERY = readFileSync(new URL("../operations/ArticlePage.graphql", import.meta.url), "utf8");
