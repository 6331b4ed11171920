import { htmlToPlainText } from "../../domain/html.ts";
import { slugify } from "../../domain/slug.ts";
import { ImportError } from "./errors.ts";

/** WordPress' "no date" (drafts that were never scheduled carry it as their GMT date). */
const NO_DATE = "0000-00-00 00:00:00";
const WP_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export function checkTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    throw new ImportError("BAD_OPTION", `--timezone ${timeZone}: not a time zone (use Area/City, e.g. Europe/Berlin, or UTC)`);
  }
}

/** The offset of `timeZone` from UTC at instant `t`, in milliseconds. */
function offsetAt(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - Math.floor(t / 1000) * 1000;
}

/** "2019-11-08 09:30:00" on the clocks of `timeZone` as an instant; null for none or nonsense. */
export function wordpressLocalDate(value: string | undefined, timeZone: string): Date | null {
  const match = WP_DATE.exec(value?.trim() ?? "");
  if (!match || value!.trim() === NO_DATE) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const asUtc = Date.UTC(y!, mo! - 1, d, h, mi, s);
  let t = asUtc - offsetAt(asUtc, timeZone);
  t = asUtc - offsetAt(t, timeZone);
  return Number.isNaN(t) ? null : new Date(t);
}

/** post_date_gmt, or post_date in the site's time zone when the GMT date is WordPress' zero date. */
export function wordpressDate(gmt: string | undefined, local: string | undefined, timeZone: string): Date | null {
  return wordpressLocalDate(gmt, "UTC") ?? wordpressLocalDate(local, timeZone);
}

export type PostDecision =
  | { action: "skip"; reason: string }
  | { action: "import"; status: "PUBLISHED" | "DRAFT"; scheduled: boolean; passwordProtected: boolean };

/**
 * WordPress statuses: publish → PUBLISHED, future → PUBLISHED at its (future) instant, draft,
 * pending and private → DRAFT, trash and auto-draft skipped. A password-protected post is never
 * public: it becomes a DRAFT.
 */
export function decideStatus(status: string, password: string): PostDecision {
  if (status === "trash") return { action: "skip", reason: "trashed" };
  if (status === "auto-draft") return { action: "skip", reason: "auto-draft" };
  if (status === "inherit") return { action: "skip", reason: "revision or attachment status" };
  const passwordProtected = password.trim() !== "";
  if (status === "publish" || status === "future") {
    return passwordProtected
      ? { action: "import", status: "DRAFT", scheduled: false, passwordProtected }
      : { action: "import", status: "PUBLISHED", scheduled: status === "future", passwordProtected };
  }
  if (["draft", "pending", "private"].includes(status)) return { action: "import", status: "DRAFT", scheduled: false, passwordProtected };
  return { action: "skip", reason: `unknown status "${status}"` };
}

/** Titles and names are HTML in WordPress (`&amp;`, `&#8217;`): plain text here, on one line. */
export function plainText(html: string | undefined): string {
  const text = html ?? "";
  if (!/[<&]/.test(text)) return text.trim();
  return htmlToPlainText(text.replace(/</g, "&lt;").replace(/&lt;(\/?[a-z])/gi, "<$1")).replace(/\s+/g, " ").trim();
}

/** WordPress keeps non-ASCII slugs percent-encoded ("%e6%97%a5"); Lantern's are ASCII. */
export function wordpressSlug(postName: string | undefined): string {
  let decoded = postName ?? "";
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // kept as it is
  }
  return slugify(decoded);
}

export const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
