const WORDS_PER_MINUTE = 200;
const DERIVED_EXCERPT_WORDS = 55;
// Shorter paragraphs (headings, captions) are skipped when deriving an excerpt.
const MIN_PARAGRAPH_WORDS = 12;

export function countWords(plainText: string): number {
  const words = plainText.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words?.length ?? 0;
}

export function readingTimeMinutes(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE));
}

/** The first paragraph's opening words, cut at a word boundary, for articles without a written excerpt. */
export function deriveExcerpt(plainText: string, maxWords = DERIVED_EXCERPT_WORDS): string {
  // An excerpt never needs more than the opening of the text; bodies can be long.
  const paragraphs = plainText.slice(0, maxWords * 40).split(/\n\s*\n/);
  const words =
    paragraphs.map((p) => p.split(/\s+/).filter(Boolean)).find((w) => w.length >= MIN_PARAGRAPH_WORDS) ??
    plainText.split(/\s+/).filter(Boolean);
  if (words.length <= maxWords) return words.join(" ");
  return `${words.slice(0, maxWords).join(" ").replace(/[,;:.!?-]+$/, "")}…`;
}
