const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

// Characters XML 1.0 does not allow at all (controls other than tab, newline, carriage return).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text or attribute content, escaped. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, "").replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
