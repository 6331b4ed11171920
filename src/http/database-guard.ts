import { createGraphQLError, type Plugin } from "graphql-yoga";
import { checkDatabaseFile } from "../db/client.ts";

/** Answers GraphQL requests at once with SERVICE_UNAVAILABLE while the database file is missing. */
export function databaseGuard(): Plugin {
  return {
    async onParams({ setResult }) {
      if (await checkDatabaseFile()) return;
      setResult({
        errors: [
          createGraphQLError("The service is temporarily unavailable; try again shortly", {
            extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503, headers: { "retry-after": "5" } } },
          }),
        ],
      });
    },
  };
}
