import { createHash, timingSafeEqual } from "node:crypto";
import { Counter, Histogram } from "prom-client";
import type { Plugin } from "graphql-yoga";
import { metricsRegistry } from "../platform/metrics-registry.ts";
import { sqlStatementCount } from "../db/statement-count.ts";


const requests = new Counter({
  name: "lantern_graphql_requests_total",
  help: "GraphQL operations by operation name and outcome (ok, error, invalid)",
  labelNames: ["operation", "outcome"] as const,
  registers: [metricsRegistry],
});

const duration = new Histogram({
  name: "lantern_graphql_request_duration_seconds",
  help: "Time from parsing a GraphQL operation to its result, by operation name",
  labelNames: ["operation"] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

new Counter({
  name: "lantern_sql_statements_total",
  help: "SQL statements sent to the database",
  registers: [metricsRegistry],
  collect() {
    this.reset();
    this.inc(sqlStatementCount());
  },
});

/**
 * Operation names are client-chosen: only the names of registered operations become labels
 * (unnamed operations are "anonymous", every other name "other"), so callers can neither grow
 * the label set nor learn what editors run.
 */
function operationLabeller(registered: ReadonlySet<string>) {
  return (name: string | undefined) => (!name ? "anonymous" : registered.has(name) ? name : "other");
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

interface MetricsOptions {
  /** Without a token, GET /metrics is not served. */
  token: string | undefined;
  registeredOperations: ReadonlySet<string>;
}

/**
 * Serves GET /metrics in Prometheus' text format to callers with the metrics token, and records
 * every GraphQL operation.
 */
export function useLanternMetrics({ token, registeredOperations }: MetricsOptions): Plugin {
  const operationLabel = operationLabeller(registeredOperations);
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== "/metrics" || !token) return;
      const given = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
      if (!sameSecret(given, token)) {
        endResponse(new fetchAPI.Response("Unauthorized\n", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } }));
        return;
      }
      endResponse(
        new fetchAPI.Response(await metricsRegistry.metrics(), {
          headers: { "content-type": metricsRegistry.contentType, "cache-control": "no-store" },
        }),
      );
    },
    onValidate({ params }) {
      return ({ valid }) => {
        if (!valid) requests.inc({ operation: operationLabel(findOperationName(params.documentAST as Document)), outcome: "invalid" });
      };
    },
    onExecute({ args }) {
      const operation = operationLabel((args.operationName as string | null | undefined) ?? findOperationName(args.document as Document));
      const stop = duration.startTimer({ operation });
      return {
        onExecuteDone({ result }) {
          stop();
          const failed = "errors" in result && Array.isArray(result.errors) && result.errors.length > 0;
          requests.inc({ operation, outcome: failed ? "error" : "ok" });
        },
      };
    },
  };
}

/** The parts of a DocumentNode read here (envelop hands documents over untyped). */
type Document = { definitions: readonly { kind: string; name?: { value: string } }[] };

function findOperationName(document: Document) {
  return document.definitions.find((definition) => definition.kind === "OperationDefinition")?.name?.value;
}
