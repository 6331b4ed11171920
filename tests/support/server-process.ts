import { type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { answersOk, freePort, spawnProcess, waitUntilReady } from "./processes.ts";

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  databaseFile: string;
  output: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

interface ServerProcessOptions {
  /** A database to start from (copied); without one the server creates, migrates and seeds a new file. */
  templateDatabase?: string;
  env?: Record<string, string>;
  /** Also write the server's output to this process' stdout and stderr. */
  echoOutput?: boolean;
  /** The port to listen on (a restart on the same address); a free one when not given. */
  port?: number;
  /** Node's arguments: `scripts/start.ts` through tsx unless given (e.g. productionCommand()). */
  nodeArguments?: string[];
}

/**
 * Node's arguments in `npm run start:production` (the build, with the production runtime
 * flags), read from package.json so that benchmarks and soaks run what production runs.
 */
export function productionCommand(): string[] {
  const script: string = JSON.parse(readFileSync("package.json", "utf8")).scripts["start:production"];
  const [exec, node, ...args] = script.split(/\s+/);
  if (exec !== "exec" || node !== "node") throw new Error(`start:production is not "exec node …": ${script}`);
  return args;
}

/** Runs `scripts/start.ts` (as `tsx` does) on a free loopback port with a database of its own. */
export async function startServerProcess({
  templateDatabase,
  env = {},
  echoOutput = false,
  port: fixedPort,
  nodeArguments = ["--import", "tsx", "scripts/start.ts"],
}: ServerProcessOptions = {}): Promise<ServerProcess> {
  const databaseFile = join(mkdtempSync(join(tmpdir(), "lantern-")), "lantern.db");
  if (templateDatabase) copyFileSync(templateDatabase, databaseFile);
  const port = fixedPort ?? (await freePort());
  const spawned = spawnProcess(process.execPath, nodeArguments, {
    env: { PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${databaseFile}`, LOG_LEVEL: "warn", ...env },
    echoOutput,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(spawned, () => answersOk(`${url}/ready`), { what: "the server", timeoutMs: 30_000, everyMs: 100 });
  return { child: spawned.child, url, databaseFile, output: spawned.output, exited: spawned.exited };
}

/**
 * A GraphQL request held in flight: its headers and the start of its body are sent now, the rest
 * when `finish` is called. The server counts it as in progress from the first bytes.
 */
export function heldRequest(url: string, query = "{ site { title } }") {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify({ query });
  const req = httpRequest({
    host: hostname,
    port,
    path: "/graphql",
    method: "POST",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
  });
  const answer = new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body: text }));
      res.on("error", (error) => resolve({ error: error.message }));
    });
    req.on("error", (error) => resolve({ error: error.message }));
  });
  const started = new Promise<void>((resolve) => req.write(body.slice(0, 10), () => resolve()));
  return { started, answer, finish: () => req.end(body.slice(10)) };
}
