import { htmlToPlainText, sanitizeBodyHtml } from "./html.ts";
import { countWords } from "./text.ts";

export interface PreparedBody {
  body: string;
  bodyText: string;
  wordCount: number;
}

/** What is stored for an article body: sanitized HTML plus the derived text used for search and counts. */
export function prepareArticleBody(html: string): PreparedBody {
  const body = sanitizeBodyHtml(html);
  const bodyText = htmlToPlainText(body);
  return { body, bodyText, wordCount: countWords(bodyText) };
}
