import { GraphQLError, Kind } from "graphql";
import { builder } from "../builder.ts";
import { normalizeHttpUrl } from "../../domain/uri.ts";

function parseDateTime(value: unknown): Date {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new GraphQLError("DateTime must be an ISO 8601 string such as 2019-11-08T12:00:00Z", {
    extensions: { code: "BAD_USER_INPUT" },
  });
}

builder.scalarType("DateTime", {
  description: "An ISO 8601 date-time in UTC, e.g. 2019-11-08T12:00:00.000Z",
  specifiedByURL: "https://scalars.graphql.org/andimarek/date-time",
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value as string).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** The URL normalized (src/domain/uri.ts), if it is an http(s) URL within the limit. */
const normalizedHttpUrl = (value: unknown): string | null => (typeof value === "string" ? normalizeHttpUrl(value) : null);

function parseUrl(value: unknown): string {
  const url = normalizedHttpUrl(value);
  if (url) return url;
  throw new GraphQLError("URL must be an absolute http(s) URL", { extensions: { code: "BAD_USER_INPUT" } });
}

builder.scalarType("URL", {
  description: "An absolute http(s) URL",
  specifiedByURL: "https://url.spec.whatwg.org/",
  // Rows written before URLs were normalized on save are normalized on the way out as well.
  serialize: (value) => {
    const url = normalizedHttpUrl(value);
    if (url) return url;
    throw new GraphQLError("A stored URL is not an http(s) URL");
  },
  parseValue: parseUrl,
  parseLiteral: (ast) => parseUrl(ast.kind === Kind.STRING ? ast.value : undefined),
});
