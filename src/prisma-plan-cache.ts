import { QueryCompiler } from "@prisma/client/runtime/query_compiler_bg.sqlite.mjs";

/**
 * Prisma 6.19 turns every query into a query plan anew, in Wasm, before running it: about half
 * of what a Prisma query costs here (Prisma 7 caches plans; DESIGN.md says why we stay on 6.19).
 * Compiling is a pure function of the compiler's schema and the request, so each compiler keeps
 * the plans of its most recent distinct requests. Requests carry their values, so a plan is
 * reused only for the same query with the same arguments: the queries every page repeats.
 * Long requests (article bodies being saved, long search terms) are compiled and not kept, so
 * the cache holds a few megabytes at most.
 */
const MAX_PLANS = 500;
const MAX_REQUEST_LENGTH = 2000;

type Compile = (this: object, request: string) => unknown;

const counts = { compiled: 0, reused: 0 };

/** Plans compiled and plans reused since the process started. */
export function queryPlanCounts(): Readonly<typeof counts> {
  return counts;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}

function remembering(compile: Compile): Compile {
  const plansOf = new WeakMap<object, Map<string, unknown>>();
  return function (this: object, request: string) {
    if (request.length > MAX_REQUEST_LENGTH) {
      counts.compiled += 1;
      return compile.call(this, request);
    }
    let plans = plansOf.get(this);
    if (!plans) plansOf.set(this, (plans = new Map()));
    let plan = plans.get(request);
    if (plan === undefined) {
      counts.compiled += 1;
      // Frozen, so a plan shared between requests can never be changed by one of them.
      plan = deepFreeze(compile.call(this, request));
      if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value!);
    } else {
      counts.reused += 1;
      plans.delete(request); // re-inserted below as the most recently used
    }
    plans.set(request, plan);
    return plan;
  };
}

const prototype: Record<"compile" | "compileBatch", Compile> = QueryCompiler.prototype;
for (const method of ["compile", "compileBatch"] as const) {
  if (typeof prototype[method] === "function") prototype[method] = remembering(prototype[method]);
}
