import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { tmpdir } from "node:os";

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  databaseFile: string;
  output: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

/** Runs `scripts/start.ts` (as `tsx` does) on a free loopback port with a copy of the given database. */
export async function startServerProcess(templateDatabase: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const databaseFile = join(mkdtempSync(join(tmpdir(), "lantern-")), "lantern.db");
  copyFileSync(templateDatabase, databaseFile);
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${databaseFile}`, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once("exit", (code) => resolve({ code, at: performance.now() })),
  );
  const url = `http://127.0.0.1:${port}`;
  for (const started = performance.now(); performance.now() - started < 30_000; ) {
    const ready = await fetch(`${url}/ready`).then((response) => response.ok, () => false);
    if (ready) return { child, url, databaseFile, output: () => output, exited };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not become ready:\n${output}`);
}
