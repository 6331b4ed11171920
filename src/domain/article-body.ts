import { htmlToPlainText, sanitizeBodyHtml } from "./html.ts";
import { countWords, deriveExcerpt } from "./text.ts";

export interface PreparedBody {
  body: string;
  bodyText: string;
  derivedExcerpt: string;
  wordCount: number;
}

/** What is stored for an article body: sanitized HTML plus what is derived from it (text for search, excerpt, word count). */
export function prepareArticleBody(html: string): PreparedBody {
  const body = sanitizeBodyHtml(html);
  const bodyText = htmlToPlainText(body);
  return { body, bodyText, derivedExcerpt: deriveExcerpt(bodyText), wordCount: countWords(bodyText) };
}
