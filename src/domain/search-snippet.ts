import { escapeHtml } from "./html.ts";
import type { SearchQuery } from "./search-query.ts";

/**
 * The passage a search result shows: at most SNIPPET_WORDS words of the text around its best
 * match (the window holding the most different query words, then the most matches, the earliest
 * on ties), the matched words in <mark>, everything else HTML-escaped, "…" where text is cut.
 * The same for both engines. Matching here is an approximation of the engines' stemmers
 * (case and diacritics folded, common English endings stripped), used only to choose and mark.
 */
export const SNIPPET_WORDS = 30;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** A light English stem: plurals, -ed, -ing, a final e or y. "exercises", "exercise", "exercising" → "exercis". */
export function lightStem(word: string): string {
  let w = foldWord(word);
  if (w.length <= 3) return w;
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = `${w.slice(0, -3)}i`;
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) w = w.slice(0, -1);
  if (w.endsWith("eed")) w = w.slice(0, -1);
  else if (/[aeiouy].*(ed|ing)$/.test(w)) w = w.replace(/(ed|ing)$/, "");
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith("y")) w = `${w.slice(0, -1)}i`;
  return w;
}

interface Token {
  start: number;
  end: number;
  /** Which query word it matches, or -1. */
  matches: number;
}

function matcher(query: SearchQuery): (word: string) => number {
  const words = query.required.flatMap((term) =>
    term.words.map((word, i) => ({ stem: lightStem(word), prefix: term.prefix && i === term.words.length - 1 ? foldWord(word) : undefined })),
  );
  return (word) => {
    const stem = lightStem(word);
    const folded = foldWord(word);
    return words.findIndex((w) => w.stem === stem || (w.prefix !== undefined && folded.startsWith(w.prefix)));
  };
}

/** The snippet of the first of `texts` with a match (or the start of the first non-empty one). */
export function searchSnippet(texts: (string | null | undefined)[], query: SearchQuery, size = SNIPPET_WORDS): string {
  const match = matcher(query);
  const candidates = texts.filter((text): text is string => !!text && text.trim() !== "");
  for (const text of candidates) {
    const tokens: Token[] = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, matches: match(m[0]) }));
    if (tokens.some((token) => token.matches >= 0)) return render(text, tokens, bestWindow(tokens, size), size);
  }
  const text = candidates[0] ?? "";
  const tokens = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, matches: -1 }));
  return render(text, tokens, 0, size);
}

function bestWindow(tokens: Token[], size: number): number {
  let best = 0;
  let bestScore = -1;
  for (let start = 0; start < Math.max(1, tokens.length - size + 1); start++) {
    const inside = tokens.slice(start, start + size).filter((token) => token.matches >= 0);
    const score = new Set(inside.map((token) => token.matches)).size * 1000 + inside.length;
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  // Start a few words before the first match, so it is read in context.
  const first = tokens.findIndex((token, i) => i >= best && token.matches >= 0);
  return Math.max(0, Math.min(best, first - 3, tokens.length - size));
}

function render(text: string, tokens: Token[], from: number, size: number): string {
  if (tokens.length === 0) return escapeHtml(text.trim().slice(0, 200));
  const shown = tokens.slice(from, from + size);
  const startAt = from === 0 ? 0 : shown[0]!.start;
  const last = shown.at(-1)!;
  const endAt = from + size >= tokens.length ? text.length : last.end;
  let out = "";
  let at = startAt;
  for (const token of shown) {
    out += escapeHtml(text.slice(at, token.start));
    const word = escapeHtml(text.slice(token.start, token.end));
    out += token.matches >= 0 ? `<mark>${word}</mark>` : word;
    at = token.end;
  }
  out += escapeHtml(text.slice(at, endAt));
  out = out.trim().replace(/\s+/g, " ");
  return `${startAt > 0 ? "…" : ""}${out}${endAt < text.length ? "…" : ""}`;
}
