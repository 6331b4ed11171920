import { Registry, collectDefaultMetrics } from "prom-client";

/** The one registry every metric of the process is in; `GET /metrics` serves it. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: "lantern_" });
