import { createReadStream } from "node:fs";
import { SaxesParser } from "saxes";
import { ImportError } from "./errors.ts";

/**
 * A streaming reader of WordPress exports (WXR 1.1 and 1.2): the file is read in chunks and each
 * top-level record (an author, a term, an item) is handed over as soon as its end tag is read,
 * so memory holds one record at a time whatever the size of the file.
 */

/** The text of a record's child elements by name ("wp:post_id"); the first of each name. */
export type Fields = Record<string, string>;

export interface WxrItem {
  fields: Fields;
  /** <category domain="category|post_tag|nav_menu" nicename="slug">Name</category>, in file order. */
  terms: { domain: string; slug: string; name: string }[];
  meta: Map<string, string>;
  comments: number;
  /** Where the item starts in the file. */
  line: number;
}

export interface WxrRecords {
  channel?(fields: Fields): void | Promise<void>;
  author?(fields: Fields): void | Promise<void>;
  /** wp:category, wp:tag and wp:term (menus, custom taxonomies) as they come. */
  term?(kind: "category" | "tag" | "term", fields: Fields): void | Promise<void>;
  item?(item: WxrItem): void | Promise<void>;
}

/** A file that is not a well-formed WordPress export: the message names the line and column. */
export class WxrError extends ImportError {
  constructor(message: string, code: "WXR_MALFORMED" | "WXR_NOT_FOUND" = "WXR_MALFORMED") {
    super(code, message);
  }
}

const RECORDS: Record<string, "author" | "category" | "tag" | "term" | "item"> = {
  "wp:author": "author",
  "wp:category": "category",
  "wp:tag": "tag",
  "wp:term": "term",
  item: "item",
};

/** Reads the export at `path`, calling `records` for each record in file order (awaited before reading on). */
export async function readWxr(path: string, records: WxrRecords, fileLabel = path): Promise<void> {
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  const pending: (() => void | Promise<void>)[] = [];
  let channel: Fields | null = null;
  let channelDone = false;
  let record: { kind: string; depth: number; fields: Fields; item: WxrItem } | null = null;
  let text = "";
  let collecting = false;
  let meta: { key: string; value: string } | null = null;
  let term: { domain: string; slug: string } | null = null;
  let sawRss = false;

  const fail = (message: string): never => {
    throw new WxrError(`${fileLabel}:${parser.line}:${parser.column + 1}: ${message}`);
  };
  parser.on("error", (error) => {
    // saxes prefixes its messages with line:column already.
    throw new WxrError(`${fileLabel}:${error.message.replace(/^[^:]*?(\d+:\d+): /, "$1: ")}`);
  });
  parser.on("opentag", (tag) => {
    const name = tag.name;
    if (stack.length === 0) {
      if (name !== "rss") fail(`not a WordPress export: the root element is <${name}>, not <rss>`);
      sawRss = true;
    }
    stack.push(name);
    const depth = stack.length;
    if (depth === 2 && name === "channel") channel = {};
    if (depth === 3 && stack[1] === "channel" && RECORDS[name]) {
      if (channel && !channelDone) {
        const fields = channel;
        channelDone = true;
        pending.push(() => records.channel?.(fields));
      }
      record = { kind: RECORDS[name], depth, fields: {}, item: { fields: {}, terms: [], meta: new Map(), comments: 0, line: parser.line } };
      return;
    }
    if (record) {
      const relative = depth - record.depth;
      if (relative === 1) {
        text = "";
        collecting = !name.startsWith("wp:comment") && name !== "wp:postmeta";
        if (name === "wp:comment") record.item.comments++;
        if (name === "wp:postmeta") meta = { key: "", value: "" };
        if (name === "category") {
          const { domain, nicename } = tag.attributes as Record<string, string | undefined>;
          term = { domain: domain ?? "", slug: nicename ?? "" };
        }
      } else if (relative === 2 && meta && (name === "wp:meta_key" || name === "wp:meta_value")) {
        text = "";
        collecting = true;
      } else collecting = false;
      return;
    }
    if (depth === 3 && channel && !channelDone) {
      text = "";
      collecting = true;
    }
  });
  const append = (chunk: string) => {
    if (collecting) text += chunk;
  };
  parser.on("text", append);
  parser.on("cdata", append);
  parser.on("closetag", (tag) => {
    const name = tag.name;
    const depth = stack.length;
    stack.pop();
    if (record) {
      const relative = depth - record.depth;
      if (relative === 0) {
        const done = record;
        record = null;
        collecting = false;
        if (done.kind === "item") {
          done.item.fields = done.fields;
          pending.push(() => records.item?.(done.item));
        } else if (done.kind === "author") pending.push(() => records.author?.(done.fields));
        else pending.push(() => records.term?.(done.kind as "category" | "tag" | "term", done.fields));
        return;
      }
      if (relative === 2 && meta) {
        if (name === "wp:meta_key") meta.key = text;
        else if (name === "wp:meta_value") meta.value = text;
        collecting = false;
        return;
      }
      if (relative === 1) {
        if (name === "wp:postmeta" && meta) {
          record.item.meta.set(meta.key, meta.value);
          meta = null;
        } else if (name === "category" && term) {
          record.item.terms.push({ ...term, name: text });
          term = null;
        } else if (collecting && !(name in record.fields)) record.fields[name] = text;
        collecting = false;
      }
      return;
    }
    if (depth === 3 && channel && !channelDone && collecting) {
      if (!(name in channel)) channel[name] = text;
      collecting = false;
    }
  });

  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      while (pending.length) await pending.shift()!();
    }
    parser.close();
    while (pending.length) await pending.shift()!();
  } catch (error) {
    stream.destroy();
    if (error instanceof WxrError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new WxrError(`${fileLabel}: no such file`, "WXR_NOT_FOUND");
    throw error;
  }
  if (!sawRss) throw new WxrError(`${fileLabel}:1:1: not a WordPress export: the file is empty`);
  if (channel && !channelDone) await records.channel?.(channel);
}
