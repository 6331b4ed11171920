/**
 * Search matches words case-insensitively, the same on every database: what is searched is
 * stored folded to lower case (Article.searchText) and the words are folded the same way, so
 * the database compares exact text (SQLite's LIKE folds ASCII only, PostgreSQL's LIKE nothing).
 */
export function searchTextOf(title: string, bodyText: string): string {
  return fold(`${title}\n${bodyText}`);
}

export function fold(text: string): string {
  return text.normalize("NFC").toLowerCase();
}
