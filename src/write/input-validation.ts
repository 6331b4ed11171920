import { z } from "zod";
import { badInput } from "../domain/errors.ts";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "../domain/slug.ts";
import { HANDLE_MAX_LENGTH, HANDLE_PATTERN } from "../domain/handle.ts";

/** Mutation input as GraphQL delivers it; validateInput checks everything else. */
export type RawInput = Record<string, unknown>;

/**
 * Checks mutation input beyond what GraphQL types say (lengths, slugs, URLs, dates) and
 * reports the first problem as BAD_USER_INPUT with the offending field's path.
 */
export function validateInput<Schema extends z.ZodType>(schema: Schema, value: unknown, fieldPrefix: string): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join(".");
  throw badInput(`${field}: ${issue.message}`, { field });
}

/** A Relay global id as GraphQL's ID type delivers it. */
export const nodeId = z.coerce.string();

/** Required text, trimmed, 1 to `max` characters. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** Optional text: null, missing or blank means none. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((text) => (text ? text : text === undefined ? undefined : null));

export const slug = z
  .string()
  .max(SLUG_MAX_LENGTH, `must be at most ${SLUG_MAX_LENGTH} characters`)
  .regex(SLUG_PATTERN, "must be lowercase letters and digits separated by single hyphens, e.g. my-first-article");

/**
 * An absolute http(s) URL, stored as the WHATWG URL serializer writes it: quotes, angle brackets
 * and spaces percent-encoded, host lower-cased, so what is served is what a browser would request.
 */
export const httpUrl = z
  .string()
  .trim()
  .max(2048, "must be at most 2048 characters")
  .refine(isHttpUrl, "must be an absolute http(s) URL")
  .transform((url) => new URL(url).href);

const SITE = "http://site.invalid";

/** A path on this site, normalized like a URL; null for what is not one ("//elsewhere", "/\\x"). */
export function normalizeSitePath(value: string): string | null {
  if (!value.startsWith("/")) return null;
  try {
    const url = new URL(value, SITE);
    return url.origin === SITE ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/** A path on this site or an absolute http(s) URL, normalized either way. */
export const linkUrl = z
  .string()
  .trim()
  .max(2048, "must be at most 2048 characters")
  .transform((url, context) => {
    const normalized = isHttpUrl(url) ? new URL(url).href : normalizeSitePath(url);
    if (normalized == null) {
      context.addIssue({ code: "custom", message: "must be a site path starting with / or an absolute http(s) URL" });
      return z.NEVER;
    }
    return normalized;
  });

/** An optional http(s) URL: null, missing or blank means none. */
export const optionalHttpUrl = z
  .union([z.literal(""), httpUrl])
  .nullish()
  .transform((url) => (url ? url : url === undefined ? undefined : null));

/** Articles can be back-dated, but not to before the web or past the year 9999. */
export const reasonableDate = z
  .date()
  .refine((date) => date.getUTCFullYear() >= 1990 && date.getUTCFullYear() <= 9999, "must be between 1990 and 9999");

/** Slot and menu location names such as "sidebar" or "primary" (src/domain/handle.ts). */
export const handle = z
  .string()
  .max(HANDLE_MAX_LENGTH, `must be at most ${HANDLE_MAX_LENGTH} characters`)
  .regex(HANDLE_PATTERN, "must be lowercase letters and digits joined by single - or _, e.g. sidebar");

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
