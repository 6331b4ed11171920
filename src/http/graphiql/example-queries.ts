import { readFileSync } from "node:fs";
import { projectFile } from "../../platform/project-files.ts";

/**
 * The query GraphiQL opens with: everything the seed article page renders, in one request.
 * It is also a trusted document, so it lives with the others in operations/.
 */
export const ARTICLE_PAGE_QUERY = readFileSync(projectFile("operations/ArticlePage.graphql"), "utf8");

/** The second tab GraphiQL opens: the same article's trust block (reviewer, sources, corrections, JSON-LD). */
export const ARTICLE_TRUST_QUERY = readFileSync(projectFile("operations/ArticleTrust.graphql"), "utf8");
