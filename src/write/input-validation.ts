import { z } from "zod";
import { badInput } from "../domain/errors.ts";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "../domain/slug.ts";
import { HANDLE_MAX_LENGTH, HANDLE_PATTERN } from "../domain/handle.ts";
import { MAX_URL_LENGTH, isHttpUrl, normalizeHttpUrl, normalizeSitePath } from "../domain/uri.ts";

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

const withinLimit = z.string().trim().max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`);

/** An absolute http(s) URL, stored normalized (src/domain/uri.ts). */
export const httpUrl = withinLimit.refine(isHttpUrl, "must be an absolute http(s) URL").transform((url) => new URL(url).href);

/** A path on this site or an absolute http(s) URL, normalized either way. */
export const linkUrl = withinLimit.transform((url, context) => {
  const normalized = normalizeHttpUrl(url) ?? normalizeSitePath(url);
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
