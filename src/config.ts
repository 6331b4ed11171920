import { z } from "zod";
import { expandHomeFolder, namesAnotherUsersHome } from "./database-url.ts";
import { parseProxyTrust } from "./client-address.ts";

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .default("file:./data/lantern.db")
      .refine((url) => (url.startsWith("file:") && url.length > "file:".length) || /^postgres(ql)?:\/\/./.test(url), {
        message: 'must be a SQLite "file:" URL such as file:./data/lantern.db or a PostgreSQL "postgresql://" URL',
      })
      .refine((url) => !namesAnotherUsersHome(url), { message: "may start with file:~/ (your home folder) but not name another user's" })
      .transform(expandHomeFolder),
    SEED_DEMO_CONTENT: z.enum(["auto", "never"]).default("auto"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Where the site is served, for absolute URLs in structured data, the sitemap and the feed. */
    SITE_URL: z
      .string()
      .default("http://localhost:4000")
      .refine((url) => /^https?:\/\/[^/?#]+\/?$/.test(url) && URL.canParse(url), {
        message: "must be an http(s) origin such as https://www.example.org",
      })
      .transform((url) => url.replace(/\/$/, "")),

    // Abuse limits, checked before any resolver runs.
    MAX_DEPTH: positive(10),
    MAX_ALIASES: count(15),
    MAX_DIRECTIVES: count(20),
    MAX_TOKENS: positive(1000),
    MAX_COST: positive(5000),
    MAX_BODY_BYTES: positive(100_000),
    MAX_BATCH: count(10),

    // Unset: on in development and test, off in production.
    INTROSPECTION: z.stringbool().optional(),
    GRAPHIQL: z.stringbool().optional(),

    TRUSTED_DOCUMENTS: z.enum(["off", "anonymous"]).default("off"),
    CORS_ORIGINS: z
      .string()
      .default("*")
      .transform((list) => list.split(",").map((origin) => origin.trim()).filter(Boolean)),
    // Slow clients: the whole request head within, and the whole request within.
    HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    // Unset: GET /metrics is not served. Set: it needs `Authorization: Bearer <token>`.
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),

    // Shared by every instance: live updates go through Redis pub/sub when it is set.
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    REDIS_PREFIX: z.string().min(1).default("lantern:"),

    // Subscribe and contact forms, and the mail they send (see README: Forms and mail).
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    FORMS_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default("Lantern <no-reply@localhost>"),
    CONTACT_EMAIL: z.email().optional(),
    // Which hops in front may name the client in X-Forwarded-For (src/client-address.ts).
    TRUST_PROXY: z
      .string()
      .default("false")
      .transform((text, context) => {
        const trust = parseProxyTrust(text);
        if (!trust) {
          context.addIssue({ code: "custom", message: "must be false, true, a number of proxies, or a comma-separated list of proxy addresses or CIDR ranges" });
          return z.NEVER;
        }
        return trust;
      }),
    FORMS_RATE_LIMIT_PER_IP: positive(20),
    FORMS_RATE_LIMIT_PER_ADDRESS: positive(5),
    FORMS_RATE_LIMIT_WINDOW_SECONDS: positive(3600),
    // A plain node:crypto loop needs about 2 s on one core (npm run bench:proof-of-work).
    ALTCHA_MAX_NUMBER: z.coerce.number().int().min(10).max(10_000_000).default(2_000_000),
    MAIL_POLL_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
    // Anonymous answers are kept at most this many seconds (0: not cached); in Redis when REDIS_URL is set.
    RESPONSE_CACHE_MAX_AGE: count(300),
    // Without Redis: the most the process keeps of answers (the oldest are dropped first).
    RESPONSE_CACHE_MEMORY_MB: positive(32),
    // Changes are purged here by cache key (PURGE with xkey and Surrogate-Key headers).
    CDN_PURGE_URL: z.url({ protocol: /^https?$/ }).optional(),
  })
  .refine((settings) => settings.REQUEST_TIMEOUT_MS >= settings.HEADERS_TIMEOUT_MS, {
    path: ["REQUEST_TIMEOUT_MS"],
    message: "must be at least HEADERS_TIMEOUT_MS (the whole request includes its head)",
  })
  .refine((settings) => !(settings.GRAPHIQL === true && settings.INTROSPECTION === false), {
    path: ["GRAPHIQL"],
    message: "needs INTROSPECTION, which is off (GraphiQL reads the schema by introspection)",
  })
  .transform((settings) => {
    const development = settings.NODE_ENV !== "production";
    const introspection = settings.INTROSPECTION ?? development;
    return {
      ...settings,
      INTROSPECTION: introspection,
      // GraphiQL reads the schema by introspection: without it, GraphiQL is not offered.
      GRAPHIQL: (settings.GRAPHIQL ?? development) && introspection,
      PUBLIC_URL: (settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, ""),
    };
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Parses the environment once; throws a ConfigError whose message is one line naming the variable. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = schema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "configuration");
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message} (got ${JSON.stringify(env[name])})`);
  }
  return result.data;
}

let current: Config | undefined;

export function config(): Config {
  current ??= parseConfig();
  return current;
}
