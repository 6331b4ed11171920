import { type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { graphqlPost } from "./graphql-client.ts";
import { answersOk, freePort, runToEnd, spawnProcess, waitUntilReady } from "./processes.ts";

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
  return runToEnd(file, argv, { cwd: options.cwd ?? PROJECT, env: { LOG_LEVEL: "info", ...options.env } });
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
  const spawned = spawnProcess(command, args, {
    cwd: PROJECT,
    env: { PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    ownProcessGroup,
  });
  const url = `http://127.0.0.1:${port}`;
  const query = graphqlPost("{ site { title } }");
  await waitUntilReady(spawned, () => answersOk(`${url}/graphql`, query), { what: "the server", timeoutMs: 60_000, everyMs: 10 });
  const exited = spawned.exited.then(({ code }) => code);
  return { child: spawned.child, url, output: spawned.output, firstAnswerMs: performance.now() - started, exited };
}

export async function portAnswers(url: string): Promise<boolean> {
  return fetch(`${url}/health`).then(() => true, () => false);
}

