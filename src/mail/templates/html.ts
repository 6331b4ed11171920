const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** A plain, single-column HTML mail body around already-escaped content. */
export function htmlMail(title: string, bodyHtml: string, footerHtml = ""): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #222; max-width: 36em; margin: 0 auto; padding: 1em">
${bodyHtml}
${footerHtml ? `<hr style="border: 0; border-top: 1px solid #ccc"><p style="font-size: 0.85em; color: #666">${footerHtml}</p>` : ""}
</body>
</html>
`;
}
