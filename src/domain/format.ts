import { escapeHtml } from "./html.ts";

export type TextFormat = "HTML" | "PLAIN";

/** Plain text (as excerpts are stored) rendered in the requested format. */
export function formatPlainText(text: string, format: TextFormat): string {
  return format === "PLAIN" ? text : `<p>${escapeHtml(text)}</p>`;
}
