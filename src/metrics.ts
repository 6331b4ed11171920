import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Plugin } from "graphql-yoga";
import { sqlStatementCount } from "./db-statements.ts";

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: "lantern_" });

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

// Operation names are client-chosen: cap the label set so a client cannot grow it without bound.
const MAX_OPERATION_LABELS = 200;
const seenOperations = new Set<string>();

function operationLabel(name: string | undefined): string {
  if (!name) return "anonymous";
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_LABELS || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return "other";
  seenOperations.add(name);
  return name;
}

/** Serves GET /metrics in Prometheus' text format and records every GraphQL operation. */
export function useLanternMetrics(): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== "/metrics") return;
      endResponse(
        new fetchAPI.Response(await metricsRegistry.metrics(), {
          headers: { "content-type": metricsRegistry.contentType },
        }),
      );
    },
    onValidate({ params }) {
      return ({ valid }) => {
        if (!valid) requests.inc({ operation: operationLabel(findOperationName(params.documentAST)), outcome: "invalid" });
      };
    },
    onExecute({ args }) {
      const operation = operationLabel(args.operationName ?? findOperationName(args.document));
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

function findOperationName(document: { definitions: readonly { kind: string; name?: { value: string } }[] }) {
  return document.definitions.find((definition) => definition.kind === "OperationDefinition")?.name?.value;
}
