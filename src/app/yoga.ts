import { createYoga } from "graphql-yoga";
import { createLogger } from "../platform/logging.ts";
import { serverSchema } from "./schema-steps.ts";
import { createContext } from "../graphql/context.ts";
import { maskError } from "../graphql/errors.ts";
import { ARTICLE_PAGE_QUERY, ARTICLE_TRUST_QUERY } from "../http/graphiql/example-queries.ts";
import type { Config } from "../platform/settings.ts";
import { useLanternMetrics } from "../http/metrics.ts";
import { safetyPlugins } from "../graphql/safety/plugins.ts";
import { corsOptions } from "../graphql/safety/web.ts";
import { isEditorRequest } from "../auth/viewer-from-request.ts";
import { registeredOperationNames } from "../graphql/safety/trusted-documents.ts";
import { readiness } from "../http/health.ts";
import { databaseGuard } from "../http/database-guard.ts";
import { previewRefusal } from "../graphql/safety/preview-refusal.ts";
import { serveGraphiQL } from "../http/graphiql/serve.ts";
import { landingPages } from "../http/landing-page.ts";
import { systemClock, type Clock } from "../platform/clock.ts";
import { createFeaturedLive, type FeaturedLive } from "../live/featured-live.ts";
import { widgetRoutes } from "../http/widget/routes.ts";
import { FormsService } from "../forms/forms-service.ts";
import { formPages } from "../forms/http-pages.ts";
import { publicFeeds } from "../http/feeds/routes.ts";
import { createResponseCache, type ResponseCache } from "../cache/response-cache.ts";
import { responseCachePlugin } from "../cache/plugin.ts";
import { compression } from "../platform/http/compression.ts";
import { boundedRequestBodies } from "../platform/http/request-body.ts";
import { withLastResort } from "../graphql/safety/last-resort.ts";
import { useDatabase } from "../db/client.ts";

export interface Parts {
  /** Where requests and scheduled changes read the time: the system clock, or a test's. */
  clock?: Clock;
  featuredLive?: FeaturedLive;
  /** The public forms' shared state and settings; made from `settings` and `clock` when not given. */
  forms?: FormsService;
  responseCache?: ResponseCache;
}

export function createLanternYoga(settings: Config, { clock = systemClock, featuredLive, forms, responseCache }: Parts = {}) {
  useDatabase(settings.DATABASE_URL);
  const live = featuredLive ?? createFeaturedLive(settings, clock);
  const formsService = forms ?? new FormsService({ settings, clock });
  const logger = createLogger(settings.LOG_LEVEL);
  const cache = responseCache ?? createResponseCache(settings, clock, logger.warn);
  const served = serverSchema();
  return createYoga({
    schema: served,
    context: (initial) => createContext(initial, clock, live, formsService, settings.SITE_URL, settings.PREVIEW_URL),
    graphqlEndpoint: "/graphql",
    landingPage: false,
    // GraphiQL is served by serveGraphiQL, from files of its own (not from a CDN).
    graphiql: false,
    maskedErrors: { maskError: (error, message) => maskError(error, message) },
    logging: logger,
    cors: corsOptions(settings.CORS_ORIGINS),
    maxRequestBodySize: settings.MAX_BODY_BYTES,
    batching: settings.MAX_BATCH > 0 ? { limit: settings.MAX_BATCH } : false,
    extraParamNames: ["documentId"],
    // Each plugin's exceptions are answered with a coded error; a request's body is read first,
    // and only so far; every check that refuses a request runs before the cache answers it.
    plugins: withLastResort([
      boundedRequestBodies(settings.MAX_BODY_BYTES),
      landingPages(settings.GRAPHIQL),
      ...(settings.GRAPHIQL ? [serveGraphiQL("/graphql", [ARTICLE_PAGE_QUERY, ARTICLE_TRUST_QUERY])] : []),
      readiness(),
      widgetRoutes(),
      formPages(formsService),
      useLanternMetrics({ token: settings.METRICS_TOKEN, registeredOperations: registeredOperationNames() }),
      databaseGuard(),
      previewRefusal(clock),
      publicFeeds(settings.SITE_URL, clock, cache),
      ...safetyPlugins({ settings, schema: served, isEditorRequest: (request) => isEditorRequest(request, clock.now()) }),
      responseCachePlugin(cache),
      compression(),
    ], logger),
  });
}

export type LanternYoga = ReturnType<typeof createLanternYoga>;
