const WORDS_PER_MINUTE = 200;
const DERIVED_EXCERPT_WORDS = 55;

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
  const opening = plainText.slice(0, maxWords * 40);
  const paragraphs = opening.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim());
  const text = paragraphs.find((p) => countWords(p) >= 12) ?? paragraphs.join(" ");
  const words = text.split(" ");
  if (words.length <= maxWords) return text;
  return `${words.slice(0, maxWords).join(" ").replace(/[,;:.!?-]+$/, "")}…`;
}
