import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./server-process.ts";

export const PROJECT = process.cwd();

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; stdin is closed, as under a process manager or CI. `env` adds to (or, with undefined, removes from) this process' environment. */
export function runCommand(command: string, args: string[], options: { env?: Record<string, string | undefined>; cwd?: string; user?: string } = {}): Promise<CommandResult> {
  const [file, argv] = options.user
    ? ["setpriv", [`--reuid=${options.user}`, "--regid=nogroup", "--clear-groups", command, ...args]]
    : [command, args];
  // The commands' own default LOG_LEVEL, not the quieter one the test process runs at.
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: "info", ...options.env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(file, argv, { cwd: options.cwd ?? PROJECT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

/** A folder of its own, and in it a copy of the template database when one is given. */
export function scratchDatabase(template?: string): { folder: string; file: string; url: string } {
  const folder = mkdtempSync(join(tmpdir(), "lantern-ops-"));
  const file = join(folder, "lantern.db");
  if (template) copyFileSync(template, file);
  return { folder, file, url: `file:${file}` };
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Milliseconds from spawn to the first GraphQL answer. */
  firstAnswerMs: number;
  exited: Promise<number | null>;
}

const QUERY = JSON.stringify({ query: "{ site { title } }" });

/**
 * Spawns a server command and waits for its first GraphQL answer (polling every 10 ms).
 * `ownProcessGroup`: as a terminal runs it, so that `process.kill(-child.pid, signal)` reaches
 * npm and node alike.
 */
export async function startServer(
  command: string,
  args: string[],
  env: Record<string, string>,
  { ownProcessGroup = false } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: PROJECT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: ownProcessGroup,
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - started < 60_000 && child.exitCode === null) {
    const answered = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: QUERY }).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return { child, url, output: () => output, firstAnswerMs: performance.now() - started, exited };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not answer:\n${output}`);
}

export async function portAnswers(url: string): Promise<boolean> {
  return fetch(`${url}/health`).then(() => true, () => false);
}

