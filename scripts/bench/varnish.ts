import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

const VARNISHD = "/usr/sbin/varnishd";

export const varnishInstalled = () => existsSync(VARNISHD);

/** Varnish (tests/cdn/varnish.vcl) in front of one Lantern instance; undefined when not installed. */
export async function startVarnish(port: number, backendPort: number): Promise<ChildProcess> {
  const dir = mkdtempSync(join(tmpdir(), "lantern-bench-varnish-"));
  const vcl = readFileSync(new URL("../../tests/cdn/varnish.vcl", import.meta.url), "utf8")
    .replace('"BACKEND_A"', `"${backendPort}"`)
    .replace('"BACKEND_B"', `"${backendPort}"`);
  writeFileSync(join(dir, "lantern.vcl"), vcl);
  const child = spawn(VARNISHD, ["-F", "-j", "none", "-n", dir, "-a", `127.0.0.1:${port}`, "-f", join(dir, "lantern.vcl"), "-s", "malloc,64m"], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error("Varnish did not start");
}

/** A server that answers every request with these bytes and headers: the floor for any cache. */
export async function startStaticServer(port: number, body: Buffer, contentType: string): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": contentType, "content-length": body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}
