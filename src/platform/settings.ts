import { z } from "zod";
import { expandHomeFolder, namesAnotherUsersHome } from "./database-url.ts";
import { parseProxyTrust } from "./http/client-address.ts";

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/**
 * Every environment variable Lantern reads. Each one's `.describe()` is its documentation:
 * `npm run docs:env` prints the table in docs/configuration.md from it (a test fails when they differ).
 */
export const environmentVariables = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development").describe("`production` turns GraphiQL, introspection and \"Did you mean ...?\" suggestions off (errors are masked in every mode)."),
  PORT: z.coerce.number().int().min(1).max(65535).default(4000).describe("HTTP port."),
  HOST: z.string().min(1).default("0.0.0.0").describe("Bind address."),
  DATABASE_URL: z
    .string()
    .default("file:./data/lantern.db")
    .refine((url) => (url.startsWith("file:") && url.length > "file:".length) || /^postgres(ql)?:\/\/./.test(url), {
      message: 'must be a SQLite "file:" URL such as file:./data/lantern.db or a PostgreSQL "postgresql://" URL',
    })
    .refine((url) => !namesAnotherUsersHome(url), { message: "may start with file:~/ (your home folder) but not name another user's" })
    .transform(expandHomeFolder)
    .describe("A `file:` URL selects embedded SQLite: the file and its folder are created and migrated on start; a relative path is relative to the folder the command runs in, `file:~/lantern.db` is in your home folder. A `postgresql://user@host:5432/database` URL selects PostgreSQL (the database must exist), see [PostgreSQL](postgresql.md)."),
  SEED_DEMO_CONTENT: z.enum(["auto", "never"]).default("auto").describe("`auto` loads the demo site into an empty database on start; `never` leaves it empty."),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info").describe("The least severe messages logged."),
  SITE_URL: z
    .string()
    .refine((url) => /^https?:\/\/[^/?#]+\/?$/.test(url) && URL.canParse(url), {
      message: "must be an http(s) origin such as https://www.example.org",
    })
    .transform((url) => url.replace(/\/$/, ""))
    .optional()
    .describe("The site's public origin as readers reach it (such as `https://www.example.org`): the start of every absolute URL Lantern writes, in `Article.jsonLd`, `/sitemap.xml`, `/feed.xml` and the confirmation and unsubscribe links in mail (so `https://` in production, RFC 8058). Unset: `http://localhost:<PORT>`."),

  // Abuse limits, checked before any resolver runs.
  MAX_DEPTH: positive(10).describe("Nesting of selections, fragments included; over it: `MAX_DEPTH_EXCEEDED`. See [Limits](safety.md#limits)."),
  MAX_ALIASES: count(15).describe("Aliases in an operation; over it: `MAX_ALIASES_EXCEEDED`."),
  MAX_DIRECTIVES: count(20).describe("Directives in an operation; over it: `MAX_DIRECTIVES_EXCEEDED`."),
  MAX_TOKENS: positive(1000).describe("Tokens in a document, counted while parsing; over it: `MAX_TOKENS_EXCEEDED`."),
  MAX_COST: positive(5000).describe("Estimated cost: a scalar 1, an object 2 plus 1.5 times its fields, a list times its page size (`first`/`last`, literal or the variable's value; none: the default page of 20; `nodes(ids:)`: the ids). Over it: `MAX_COST_EXCEEDED`. See [Limits](safety.md#limits)."),
  MAX_BODY_BYTES: positive(100_000).describe("Request body in bytes, with or without `Content-Length`; over it: HTTP 413, `REQUEST_ENTITY_TOO_LARGE`."),
  MAX_BATCH: count(10).describe("Operations in one batched request (a JSON array); `0` turns batching off. Over it: HTTP 413, `BAD_REQUEST`."),

  // Unset: on in development and test, off in production.
  INTROSPECTION: z.stringbool().optional().describe("`__schema` and `__type` (refused with `GRAPHQL_VALIDATION_FAILED` when off; `__typename` always works). Unset: on in development and test, off in production. `true`/`false`, `on`/`off`, `1`/`0`."),
  GRAPHIQL: z.stringbool().optional().describe("GraphiQL at `GET /graphiql` (a browser opening `/graphql` is sent there). Unset: on in development and test, off in production. Never without introspection, which it reads the schema by: `GRAPHIQL=true` with `INTROSPECTION=false` is a configuration error."),

  TRUSTED_DOCUMENTS: z.enum(["off", "anonymous"]).default("off").describe("`off`: anyone may send any document; `anonymous`: anonymous callers may only run registered operations (by hash), editors may send any. See [Trusted documents](safety.md#trusted-documents-persisted-operations)."),
  CORS_ORIGINS: z
    .string()
    .default("*")
    .transform((list) => list.split(",").map((origin) => origin.trim()).filter(Boolean))
    .describe("Origins allowed to read from browsers, comma-separated; `*` for any. See [CORS and CSRF](safety.md#cors-and-csrf)."),
  // Slow clients: the whole request head within, and the whole request within.
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000).describe("Slow clients: a request's head must arrive within this many milliseconds, or the connection gets a 408 and is closed."),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000).describe("Slow clients: the whole request must arrive within this many milliseconds (at least `HEADERS_TIMEOUT_MS`), or the connection gets a 408 and is closed."),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional().describe("Unset: `GET /metrics` is not served (404). Set (16 or more characters): it needs `Authorization: Bearer <token>`. See [Metrics](operations.md#metrics)."),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000).describe("On `SIGTERM` or `SIGINT`, requests in progress get this many milliseconds to finish; connections still open are then cut and the process exits 1. See [Shutdown](operations.md#shutdown)."),

  // Shared by every instance: live updates go through Redis pub/sub when it is set.
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional().describe("`redis://host:6379` (or `rediss://`): shared by every instance through it are the response cache, the forms' rate limits and used proofs, and live widget updates (pub/sub). Unset: each process keeps its own, in memory."),
  REDIS_PREFIX: z.string().min(1).default("lantern:").describe("The prefix of Lantern's Redis keys and channels (several deployments can share one Redis)."),
  LIVE_STREAMS_PER_CLIENT: positive(20).describe("Open `featuredChanged` live-update streams this instance serves to one client address (`TRUST_PROXY` decides what that is); the one beyond is refused with `RATE_LIMITED`."),
  LIVE_STREAMS_TOTAL: positive(1000).describe("Open `featuredChanged` live-update streams this instance serves in all; the one beyond is refused with `RATE_LIMITED`."),

  // Subscribe and contact forms, and the mail they send (see docs/forms.md).
  FORMS_SECRET: z.string().min(32, "must be at least 32 characters").optional().describe("Signs proof-of-work challenges and unsubscribe links (at least 32 characters). Unset: random per process, so every restart makes older unsubscribe links invalid and instances do not accept each other's challenges: **set it in production**, e.g. to the output of `openssl rand -base64 48`."),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional().describe("`smtp://user:password@host:587` (STARTTLS when the server offers it) or `smtps://user:password@host:465`. Unset: a development server writes mails to its log; in production they wait in the outbox."),
  MAIL_FROM: z.string().min(3).default("Lantern <no-reply@localhost>").describe("The `From` of every mail; Message-IDs use its domain."),
  CONTACT_EMAIL: z.email().optional().describe("Where contact messages are mailed (`Reply-To` is the sender). Unset: they are only stored."),
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
    })
    .describe("Which proxies in front may name the client in `X-Forwarded-For`, read from the right: `false` (none), `true` (one, the same as `1`), a number of proxies, or a comma-separated list of proxy addresses and CIDR ranges. See [Safety](safety.md#the-client-address)."),
  FORMS_RATE_LIMIT_PER_IP: positive(20).describe("Form submissions (either form) from one client address per window; over it: `RATE_LIMITED`."),
  FORMS_RATE_LIMIT_PER_ADDRESS: positive(5).describe("Form submissions for one e-mail address per window; over it: `RATE_LIMITED`."),
  FORMS_RATE_LIMIT_WINDOW_SECONDS: positive(3600).describe("The rate-limit window in seconds. Windows are fixed, starting at multiples of this length."),
  ALTCHA_MAX_NUMBER: z.coerce.number().int().min(10).max(10_000_000).default(2_000_000).describe("Proof-of-work difficulty: the largest number a solution can be (a solver tries half that many SHA-256 hashes on average; a plain Node.js loop on one thread took a median 2.1 s, `npm run bench:proof-of-work`). See [Forms](forms.md#settings)."),
  MAIL_POLL_INTERVAL_MS: z.coerce.number().int().min(100).default(5000).describe("How often, in milliseconds, the delivery worker looks for due mail (and right away after a form queued one)."),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z.stringbool().default(false).describe("`true`: webhooks may point at loopback, private and link-local addresses (tests and development); otherwise such URLs are refused when registered and again when connecting. See [Webhooks](webhooks.md)."),
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(100).default(5000).describe("How often, in milliseconds, each instance reads the change log for webhooks and sends due deliveries (and right away after its own changes)."),
  RESPONSE_CACHE_MAX_AGE: count(300).describe("The most seconds an anonymous answer is cached (`0`: no response cache); in Redis when `REDIS_URL` is set, else in memory. See [Caching](caching.md)."),
  RESPONSE_CACHE_MEMORY_MB: positive(32).describe("Without Redis: the most memory, in MiB, each process keeps answers in (at most 5,000 answers); the least recently used make room, only for an answer asked for more often."),
  RESPONSE_CACHE_REDIS_MB: positive(32).describe("With Redis: the most Lantern keeps there, in MiB (answers, their cache keys and bookkeeping), shared by every instance; the least recently used make room, only for an answer asked for more often."),
  RESPONSE_CACHE_MAX_ANSWER_KB: positive(1024).describe("An answer larger than this, in KiB, is served but not cached, in either store."),
  RESPONSE_CACHE_DEBUG_HEADERS: z.stringbool().default(false).describe("`true`: answers say `X-Cache: HIT` or `MISS` (for debugging only: it tells one client what others asked)."),
  PREVIEW_URL: z
    .string()
    .refine((url) => /^https?:\/\/[^\s]+$/.test(url) && url.includes("{token}"), { message: "must be an http(s) URL containing {token} (and optionally {uri})" })
    .optional()
    .describe("Where a preview link opens the front end's draft mode: an http(s) URL with `{token}` and optionally `{uri}` placeholders (both URL-encoded when filled in), e.g. `https://www.example.com/api/draft?token={token}&uri={uri}`. Unset: `createPreviewLink` answers `url: null` (the token alone). See [Previews](previews.md)."),
  CDN_PURGE_URL: z.url({ protocol: /^https?$/ }).optional().describe("Unset: no CDN. Set: every eviction is also sent there as `PURGE <CDN_PURGE_URL>` with the cache keys in `xkey` and `Surrogate-Key`. See [A CDN in front](caching.md#a-cdn-in-front)."),
});

const schema = environmentVariables
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
      SITE_URL: settings.SITE_URL ?? `http://localhost:${settings.PORT}`,
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
