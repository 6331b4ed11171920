import { createYoga } from "graphql-yoga";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { schema } from "./schema/index.ts";
import { createContext } from "./context.ts";
import { maskError } from "./errors.ts";
import { ARTICLE_PAGE_QUERY } from "./graphiql-example.ts";
import { config } from "./config.ts";
import { useLanternMetrics } from "./metrics.ts";

export function createLanternYoga() {
  const production = config().NODE_ENV === "production";
  return createYoga({
    schema,
    context: createContext,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: production ? false : { title: "Lantern", defaultQuery: ARTICLE_PAGE_QUERY },
    // GraphiQL's scripts are served from this package, not from a CDN.
    renderGraphiQL,
    maskedErrors: { maskError: (error, message) => maskError(error, message) },
    logging: config().LOG_LEVEL,
    plugins: [useLanternMetrics()],
  });
}

export type LanternYoga = ReturnType<typeof createLanternYoga>;
