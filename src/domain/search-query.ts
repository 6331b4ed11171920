import { badInput } from "./errors.ts";

/**
 * The one reading of what a reader types into search, for both engines (src/read/search/):
 *
 * - words: every one must match (stemmed: "exercises" finds "exercise");
 * - "quoted phrases": the words in that order;
 * - -excluded: a word (or "-"quoted phrase") that must not appear;
 * - the last word, unless the query ends in a space, also matches as a prefix while typing
 *   ("therap" finds "therapy" and "therapeutic"), when it has at least 2 letters.
 *
 * Anything else is text, never syntax: a word is a run of letters, digits and combining marks,
 * and everything between words (punctuation, `*`, `:`, `(`, operators such as AND, NEAR, `<->`,
 * a stray quote) only separates them. `AND`, `OR`, `NOT` and `NEAR` are words like any other.
 * A chunk with punctuation inside ("covid-19", "don't") is a phrase of its words. The only
 * refusal is a query longer than SEARCH_QUERY_MAX_LENGTH characters (BAD_USER_INPUT).
 */
export const SEARCH_QUERY_MAX_LENGTH = 200;
const MIN_PREFIX_LENGTH = 2;

export interface SearchTerm {
  /** One word, or several for a phrase. */
  words: string[];
  /** The last word also matches as a prefix. */
  prefix: boolean;
}

export interface SearchQuery {
  /** All must match. Empty: the query matches nothing. */
  required: SearchTerm[];
  /** None may match. */
  excluded: SearchTerm[];
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function wordsOf(text: string): string[] {
  return text.normalize("NFC").match(WORD) ?? [];
}

/** Throws BAD_USER_INPUT for a query over the limit; anything else parses. */
export function parseSearchQuery(input: string, argument = "query"): SearchQuery {
  if (input.length > SEARCH_QUERY_MAX_LENGTH) {
    throw badInput(`"${argument}" must be at most ${SEARCH_QUERY_MAX_LENGTH} characters`, {
      argument,
      maximum: SEARCH_QUERY_MAX_LENGTH,
    });
  }
  const required: SearchTerm[] = [];
  const excluded: SearchTerm[] = [];
  // Chunks: "a phrase" (a missing closing quote ends it at the end), or a run without spaces or quotes; each with a leading -.
  const chunk = /(-?)"([^"]*)"?|(-?)([^\s"]+)/gu;
  let lastPlain: SearchTerm | undefined;
  for (const match of input.matchAll(chunk)) {
    const quoted = match[2] !== undefined;
    const negative = (quoted ? match[1] : match[3]) === "-";
    const words = wordsOf(quoted ? match[2]! : match[4]!);
    if (words.length === 0) continue;
    const term: SearchTerm = { words, prefix: false };
    (negative ? excluded : required).push(term);
    lastPlain = !quoted && !negative && words.length === 1 && match.index + match[0].length === input.length ? term : undefined;
  }
  if (lastPlain && lastPlain.words[0]!.length >= MIN_PREFIX_LENGTH) lastPlain.prefix = true;
  return { required, excluded };
}

export function matchesNothing(query: SearchQuery): boolean {
  return query.required.length === 0;
}

/** FTS5's MATCH expression: every word in double quotes (a string, never an operator). */
export function fts5Match(query: SearchQuery): string {
  const term = ({ words, prefix }: SearchTerm) => `"${words.join(" ").replaceAll('"', '""')}"${prefix ? "*" : ""}`;
  const all = `(${query.required.map(term).join(" AND ")})`;
  return [all, ...query.excluded.map(term)].join(" NOT ");
}

/** A to_tsquery expression: every word a quoted lexeme (so never an operator), phrases with <->. */
export function tsQuery(query: SearchQuery): string {
  const lexeme = (word: string, prefix: boolean) => `'${word.replaceAll("'", "''").replaceAll("\\", "\\\\")}'${prefix ? ":*" : ""}`;
  const term = ({ words, prefix }: SearchTerm) =>
    `(${words.map((word, i) => lexeme(word, prefix && i === words.length - 1)).join(" <-> ")})`;
  return [...query.required.map(term), ...query.excluded.map((excludedTerm) => `!${term(excludedTerm)}`)].join(" & ");
}
