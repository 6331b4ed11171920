// The one process spawner of the tests and scripts/: spawn a command, collect its output, wait
// until it is ready (a line, or an answer on a port), and kill it when it is not.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A TCP port on loopback that nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface SpawnedProcess {
  child: ChildProcess;
  /** Everything it has written so far, stdout and stderr interleaved. */
  output: () => string;
  /** Its exit code (null when killed by a signal) and when (performance.now()). */
  exited: Promise<{ code: number | null; at: number }>;
  /** The next line of its stdout not yet read; fails, with its output, if it ends first. */
  nextLine: () => Promise<string>;
}

export interface SpawnOptions {
  /** Added to (or, with undefined, removed from) this process' environment. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** "pipe" to write to it (`child.stdin`); closed otherwise, as under a process manager or CI. */
  stdin?: "pipe" | "ignore";
  /** Also write its output to this process' stdout and stderr. */
  echoOutput?: boolean;
  /** In a process group of its own, as a terminal runs it, so that `process.kill(-child.pid, signal)` reaches all of it. */
  ownProcessGroup?: boolean;
}

export function spawnProcess(command: string, args: string[], { env = {}, cwd, stdin = "ignore", echoOutput = false, ownProcessGroup = false }: SpawnOptions = {}): SpawnedProcess {
  const environment: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [name, value] of Object.entries(environment)) if (value === undefined) delete environment[name];
  const child = spawn(command, args, { cwd, env: environment, stdio: [stdin, "pipe", "pipe"], detached: ownProcessGroup });
  let output = "";
  let partial = "";
  const lines: string[] = [];
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let ended = false;
  const endWaiting = () => {
    ended = true;
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(`${command} ended before writing the line awaited:\n${output}`));
  };
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (echoOutput) process.stdout.write(chunk);
    const parts = (partial + chunk.toString()).split("\n");
    partial = parts.pop()!;
    for (const line of parts) {
      const waiter = waiting.shift();
      if (waiter) waiter.resolve(line);
      else lines.push(line);
    }
  });
  child.stdout!.once("end", endWaiting);
  child.stderr!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (echoOutput) process.stderr.write(chunk);
  });
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once("exit", (code) => resolve({ code, at: performance.now() })));
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const line = lines.shift();
      if (line !== undefined) resolve(line);
      else if (ended) reject(new Error(`${command} ended before writing the line awaited:\n${output}`));
      else waiting.push({ resolve, reject });
    });
  return { child, output: () => output, exited, nextLine };
}

/** Runs a command to its end and gives back its exit code and output. */
export async function runToEnd(command: string, args: string[], options: Omit<SpawnOptions, "stdin" | "ownProcessGroup"> = {}) {
  const { child } = spawnProcess(command, args, options);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("close", (exitCode) => resolve(exitCode)));
  return { code, stdout, stderr };
}

/**
 * Asks `isReady` every `everyMs` until it says yes; kills the process (SIGKILL) and fails with its
 * output when it exits first or `timeoutMs` passes.
 */
export async function waitUntilReady(
  spawned: SpawnedProcess,
  isReady: () => Promise<boolean>,
  { what, timeoutMs, everyMs }: { what: string; timeoutMs: number; everyMs: number },
): Promise<void> {
  for (const started = performance.now(); performance.now() - started < timeoutMs; ) {
    if (await isReady()) return;
    if (spawned.child.exitCode !== null || spawned.child.signalCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  spawned.child.kill("SIGKILL");
  throw new Error(`${what} did not become ready:\n${spawned.output()}`);
}

/** Whether `url` answers with a 2xx status now. */
export const answersOk = (url: string, init?: RequestInit) => fetch(url, init).then((response) => response.ok, () => false);
