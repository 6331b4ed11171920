import { useReadinessCheck, type Plugin } from "graphql-yoga";
import { checkDatabaseFile, db } from "../db/client.ts";
import { isDraining } from "../platform/shutdown.ts";

const DATABASE_CHECK_TIMEOUT_MS = 1000;

function status(fetchAPI: { Response: typeof Response }, code: 200 | 503, body: Record<string, string>) {
  return new fetchAPI.Response(JSON.stringify(body), {
    status: code,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

async function databaseAnswers(): Promise<boolean> {
  if (!(await checkDatabaseFile())) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), DATABASE_CHECK_TIMEOUT_MS)));
  try {
    return await Promise.race([db().$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /ready: 200 when the database answers a trivial query, 503 while it does not or while
 * the server is shutting down. (GET /health, "the process is alive", is Yoga's own.)
 */
export function readiness(): Plugin {
  return useReadinessCheck({
    endpoint: "/ready",
    async check({ fetchAPI }) {
      if (isDraining()) return status(fetchAPI, 503, { status: "draining" });
      if (!(await databaseAnswers())) return status(fetchAPI, 503, { status: "database unavailable" });
      return status(fetchAPI, 200, { status: "ready" });
    },
  });
}
