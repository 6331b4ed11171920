import { escapeHtml } from "../../domain/html.ts";

/**
 * WordPress post content as Lantern stores it: block-editor comments removed, classic-editor
 * line breaks turned into paragraphs (WordPress' autop), shortcodes turned into HTML or removed.
 * The result still goes through the body sanitizer (src/write/articles.ts, pages.ts).
 */

const BLOCKS =
  "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";
const OPEN_BLOCK = new RegExp(`(<${BLOCKS}[\\s/>])`, "gi");
const CLOSE_BLOCK = new RegExp(`(</${BLOCKS}>)`, "gi");
const P_AROUND_BLOCK = new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)\\s*</p>`, "gi");
const P_BEFORE_BLOCK = new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)`, "gi");
const P_AFTER_BLOCK = new RegExp(`(</?${BLOCKS}[^>]*>)\\s*</p>`, "gi");
const BR_AFTER_BLOCK = new RegExp(`(</?${BLOCKS}[^>]*>)\\s*<br>`, "gi");
const BR_BEFORE_BLOCK = /<br>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/gi;

/**
 * WordPress' wpautop: a blank line separates paragraphs, a single newline is a <br>, never
 * inside <pre> nor around block-level tags.
 */
export function autop(input: string): string {
  if (input.trim() === "") return "";
  const pres: string[] = [];
  let text = input.replace(/\r\n?/g, "\n").replace(/<pre[\s>][\s\S]*?<\/pre>/gi, (pre) => `<pre data-wp-pre="${pres.push(pre) - 1}"></pre>`);
  text = `${text}\n`;
  text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/gi, "\n\n");
  text = text.replace(OPEN_BLOCK, "\n\n$1").replace(CLOSE_BLOCK, "$1\n\n").replace(/<hr\s*\/?>/gi, "<hr>\n\n");
  text = text.replace(/\n\n+/g, "\n\n");
  text = text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== "")
    .map((paragraph) => `<p>${paragraph.replace(/^\n+|\n+$/g, "").trim()}</p>\n`)
    .join("");
  text = text.replace(/<p>\s*<\/p>/g, "");
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/g, "<p>$1</p></$2>");
  text = text.replace(P_AROUND_BLOCK, "$1");
  text = text.replace(/<p>(<li.+?)<\/p>/g, "$1");
  text = text.replace(/<p><blockquote([^>]*)>/gi, "<blockquote$1><p>").replace(/<\/blockquote><\/p>/gi, "</p></blockquote>");
  text = text.replace(P_BEFORE_BLOCK, "$1").replace(P_AFTER_BLOCK, "$1");
  text = text.replace(/<br\s*\/?>\s*\n/gi, "<br>").replace(/\s*\n/g, "<br>\n").replace(/<br>\n/g, "<br>\n");
  text = text.replace(BR_AFTER_BLOCK, "$1").replace(BR_BEFORE_BLOCK, "$1");
  text = text.replace(/\n<\/p>$/g, "</p>");
  return text.replace(/<pre data-wp-pre="(\d+)"><\/pre>/g, (_match, index: string) => pres[Number(index)]!).trim();
}

/** Block-editor content carries its structure in comments (`<!-- wp:paragraph -->`). */
export const hasBlocks = (content: string) => /<!--\s+\/?wp:/.test(content);

export const removeBlockComments = (content: string) => content.replace(/<!--\s+\/?wp:[\s\S]*?-->\n?/g, "");

type Attributes = Record<string, string>;

function parseAttributes(raw: string): Attributes {
  const attributes: Attributes = {};
  let position = 0;
  for (const match of raw.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))|"([^"]*)"|(\S+)/g)) {
    if (match[1]) attributes[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? "";
    else attributes[String(position++)] = match[5] ?? match[6] ?? "";
  }
  return attributes;
}

export interface ShortcodeContext {
  /** The URL of an attachment (a media item) by its WordPress id. */
  attachmentUrl: (id: string) => string | undefined;
}

export interface ConvertedContent {
  html: string;
  /** Set when the post's only media is one video ([embed] or [video]): it becomes the article's videoUrl. */
  videoUrl: string | null;
  /** Shortcodes removed (their inner text kept), by name. */
  removedShortcodes: Map<string, number>;
}

const SHORTCODE = /\[(\[?)([a-z][a-z0-9_-]*)((?:\s[^\]]*?)?)(\/?)\](?:([\s\S]*?)\[\/\2\])?(\]?)/g;
const VIDEO_HOSTS = /(?:youtube\.com|youtu\.be|vimeo\.com|\.mp4|\.webm|\.mov|\.m4v)/i;

const link = (url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;

/**
 * Shortcodes: [caption] becomes a figure with its caption, [embed], [video] and [audio] a link
 * to their media, [gallery] the images it names; others are removed, their inner text kept and
 * counted. A name counts as a shortcode when it closes ([x]…[/x]), carries attributes, or is one
 * of the above, so bracketed words ("[sic]") stay. `[[x]]` is WordPress' escape for a literal [x].
 */
export function convertShortcodes(content: string, context: ShortcodeContext): ConvertedContent {
  const removed = new Map<string, number>();
  const media: string[] = [];
  const known = new Set(["caption", "wp_caption", "embed", "video", "audio", "gallery", "playlist"]);
  const replace = (text: string): string =>
    text.replace(SHORTCODE, (whole, openEscape: string, name: string, rawAttributes: string, _self: string, inner: string | undefined, closeEscape: string) => {
      if (openEscape && closeEscape) return whole.slice(1, -1);
      const attributes = parseAttributes(rawAttributes ?? "");
      const isShortcode = known.has(name) || inner !== undefined || /=/.test(rawAttributes ?? "");
      if (!isShortcode) return whole;
      const body = inner ?? "";
      switch (name) {
        case "caption":
        case "wp_caption": {
          const image = body.match(/^\s*(?:<a [^>]*>\s*)?<img [^>]*>(?:\s*<\/a>)?/i)?.[0] ?? "";
          const caption = (attributes.caption ?? body.slice(image.length)).replace(/^(\s|<br>)+|(\s|<br>)+$/g, "");
          return `<figure>${image.trim()}${caption ? `<figcaption>${replace(caption)}</figcaption>` : ""}</figure>`;
        }
        case "embed": {
          const url = body.trim() || attributes.src || "";
          if (!url) return "";
          media.push(url);
          return `<p>${link(url)}</p>`;
        }
        case "video":
        case "audio": {
          const url = attributes.src ?? attributes.mp4 ?? attributes.m4v ?? attributes.webm ?? attributes.mp3 ?? attributes.ogg ?? attributes.wav ?? "";
          if (!url) return replace(body);
          media.push(name === "video" ? url : `audio:${url}`);
          return `<p>${link(url)}</p>`;
        }
        case "gallery": {
          const ids = (attributes.ids ?? attributes.include ?? "").split(",").map((id) => id.trim()).filter(Boolean);
          const images = ids.flatMap((id) => {
            const url = context.attachmentUrl(id);
            return url ? [`<img src="${escapeHtml(url)}" alt="">`] : [];
          });
          return images.length ? `<figure>${images.join("")}</figure>` : "";
        }
        default:
          removed.set(name, (removed.get(name) ?? 0) + 1);
          return replace(body);
      }
    });
  let html = replace(content);
  let videoUrl: string | null = null;
  const onlyMedia = media.length === 1 && !/<img\s/i.test(html) ? media[0]! : null;
  if (onlyMedia && !onlyMedia.startsWith("audio:") && VIDEO_HOSTS.test(onlyMedia) && /^https?:\/\//i.test(onlyMedia)) {
    videoUrl = onlyMedia;
    html = html.replace(`<p>${link(onlyMedia)}</p>`, "");
  }
  return { html, videoUrl, removedShortcodes: removed };
}

/** A paragraph holding only a block shortcode is not a paragraph (WordPress' shortcode_unautop). */
const unwrapShortcodes = (html: string) =>
  html.replace(/<p>\s*(\[(caption|wp_caption|gallery|embed|video|audio|playlist)\b[\s\S]*?(?:\[\/\2\]|\]))\s*<\/p>/g, "$1");

/**
 * The HTML of a post's content before sanitizing, in WordPress' order: paragraphs (classic
 * content; block content has its own) or no block comments, then shortcodes.
 */
export function convertContent(content: string, context: ShortcodeContext): ConvertedContent {
  const html = hasBlocks(content) ? removeBlockComments(content).trim() : unwrapShortcodes(autop(content));
  const converted = convertShortcodes(html, context);
  return { ...converted, html: converted.html.trim() };
}
