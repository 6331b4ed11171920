// `<`, `>` and `&` can only occur inside JSON strings, where their \u escapes mean the same
// character; U+2028 and U+2029 end a line in older JavaScript parsers.
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * JSON text that is safe between `<script …>` and `</script>` (JavaScript or
 * application/ld+json): it parses to the same value and contains no `<`, `>` or `&`.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
