/**
 * A small Markdown renderer for the documentation pages Lantern serves (`/docs/api`): headings
 * (with GitHub's anchors), paragraphs, lists, tables, fenced code, and inline code, bold,
 * emphasis and links. Every piece of text is escaped; only http(s), mailto and in-page (#)
 * links become links (a link to another file of the repository shows as its text).
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of a document's headings, with GitHub's `-1`, `-2` … for repeated ones. */
export function headingAnchors(markdown: string): string[] {
  const seen = new Map<string, number>();
  const anchors: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const heading = !fenced && line.match(/^#{1,6} (.*)$/);
    if (!heading) continue;
    const slug = headingSlug(heading[1]!);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.push(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

const INLINE = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|<((?:https?:\/\/|mailto:)[^>\s]+)>|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g;

function safeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:|#)/i.test(href);
}

export function renderInline(text: string): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    html += escapeHtml(text.slice(last, match.index));
    last = match.index + match[0].length;
    const [, code, linkText, href, autolink, bold, emphasis] = match;
    if (code !== undefined) html += `<code>${escapeHtml(code)}</code>`;
    else if (linkText !== undefined) html += safeHref(href!) ? `<a href="${escapeHtml(href!)}">${renderInline(linkText)}</a>` : renderInline(linkText);
    else if (autolink !== undefined) html += `<a href="${escapeHtml(autolink)}">${escapeHtml(autolink)}</a>`;
    else if (bold !== undefined) html += `<strong>${renderInline(bold)}</strong>`;
    else html += `<em>${renderInline(emphasis!)}</em>`;
  }
  return html + escapeHtml(text.slice(last));
}

function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let inCode = false;
  const body = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  for (let index = 0; index < body.length; index++) {
    const character = body[index]!;
    if (character === "\\" && body[index + 1] === "|") {
      cell += "|";
      index++;
    } else if (character === "`") {
      inCode = !inCode;
      cell += character;
    } else if (character === "|" && !inCode) {
      cells.push(cell.trim());
      cell = "";
    } else cell += character;
  }
  cells.push(cell.trim());
  return cells;
}

const LIST_ITEM = /^(\s*)([-*]|\d+\.) (.*)$/;

/** Renders list lines (items and their indented continuations), nesting by indentation. */
function renderList(lines: string[]): string {
  const first = lines[0]!.match(LIST_ITEM)!;
  const indent = first[1]!.length;
  const tag = /\d/.test(first[2]!) ? "ol" : "ul";
  const items: { text: string[]; children: string[] }[] = [];
  for (const line of lines) {
    const item = line.match(LIST_ITEM);
    if (item && item[1]!.length === indent) items.push({ text: [item[3]!], children: [] });
    else if (item && item[1]!.length > indent) items.at(-1)!.children.push(line);
    else if (items.at(-1)!.children.length > 0) items.at(-1)!.children.push(line);
    else items.at(-1)!.text.push(line.trim());
  }
  const rendered = items.map(({ text, children }) => `<li>${renderInline(text.join(" "))}${children.length ? renderList(children) : ""}</li>`);
  return `<${tag}>\n${rendered.join("\n")}\n</${tag}>`;
}

/** The HTML of a Markdown document (no <html> around it). */
export function renderMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  const anchors = headingAnchors(markdown);
  const out: string[] = [];
  let headings = 0;
  for (let index = 0; index < lines.length; ) {
    const line = lines[index]!;
    const fence = line.match(/^```(\w*)\s*$/);
    const heading = line.match(/^(#{1,6}) (.*)$/);
    if (fence) {
      const body: string[] = [];
      while (++index < lines.length && !lines[index]!.startsWith("```")) body.push(lines[index]!);
      index++;
      const language = fence[1] ? ` class="language-${escapeHtml(fence[1])}"` : "";
      out.push(`<pre><code${language}>${escapeHtml(body.join("\n"))}</code></pre>`);
    } else if (heading) {
      const level = heading[1]!.length;
      out.push(`<h${level} id="${escapeHtml(anchors[headings++]!)}">${renderInline(heading[2]!)}</h${level}>`);
      index++;
    } else if (line.trim() === "") {
      index++;
    } else if (line.trimStart().startsWith("|")) {
      const rows: string[][] = [];
      while (index < lines.length && lines[index]!.trimStart().startsWith("|")) rows.push(tableCells(lines[index++]!));
      const [head, separator, ...body] = rows;
      if (separator && separator.every((cell) => /^:?-+:?$/.test(cell))) {
        const headRow = head!.map((cell) => `<th>${renderInline(cell)}</th>`).join("");
        const bodyRows = body.map((row) => `<tr>${row.map((cell) => `<td>${renderInline(cell)}</td>`).join("")}</tr>`);
        out.push(`<table>\n<thead><tr>${headRow}</tr></thead>\n<tbody>\n${bodyRows.join("\n")}\n</tbody>\n</table>`);
      } else out.push(`<p>${rows.map((row) => renderInline(row.join(" | "))).join("<br>")}</p>`);
    } else if (LIST_ITEM.test(line)) {
      const block: string[] = [];
      while (index < lines.length && lines[index]!.trim() !== "" && !lines[index]!.startsWith("```")) block.push(lines[index++]!);
      out.push(renderList(block));
    } else {
      const paragraph: string[] = [];
      while (index < lines.length && lines[index]!.trim() !== "" && !/^(```|#{1,6} |\s*\|)/.test(lines[index]!) && !LIST_ITEM.test(lines[index]!)) {
        paragraph.push(lines[index++]!.trim());
      }
      out.push(`<p>${renderInline(paragraph.join(" "))}</p>`);
    }
  }
  return out.join("\n");
}

/** A whole HTML page of a Markdown document, titled by its first heading. */
export function markdownPage(markdown: string): string {
  const title = markdown.match(/^# (.*)$/m)?.[1]?.replace(/[`*]/g, "") ?? "Lantern";
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Lantern</title></head>
<body>
<main>
${renderMarkdown(markdown)}
</main>
</body>
</html>
`;
}
