// The one Varnish starter: tests/cdn/varnish.vcl (xkey) in front of two Lantern backends, for the
// CDN tests and the benchmark.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answersOk, freePort, spawnProcess, waitUntilReady, type SpawnedProcess } from "./processes.ts";

const VARNISHD = "/usr/sbin/varnishd";
const VCL = new URL("../cdn/varnish.vcl", import.meta.url);

export const varnishInstalled = () => existsSync(VARNISHD);

export interface Varnish extends SpawnedProcess {
  url: string;
  port: number;
}

/**
 * Starts varnishd on `port` (a free one when not given) in front of the Lantern instances on
 * `backendPorts` (one or two; with one, both backends of the VCL are it), and waits until it
 * answers `/ready` through them.
 */
export async function startVarnish(backendPorts: [number] | [number, number], port?: number): Promise<Varnish> {
  const listen = port ?? (await freePort());
  const [a, b = a] = backendPorts;
  const dir = mkdtempSync(join(tmpdir(), "lantern-varnish-"));
  const vcl = readFileSync(VCL, "utf8").replace('"BACKEND_A"', `"${a}"`).replace('"BACKEND_B"', `"${b}"`);
  writeFileSync(join(dir, "lantern.vcl"), vcl);
  const varnish = spawnProcess(VARNISHD, ["-F", "-j", "none", "-n", dir, "-a", `127.0.0.1:${listen}`, "-f", join(dir, "lantern.vcl"), "-s", "malloc,64m"]);
  const url = `http://127.0.0.1:${listen}`;
  await waitUntilReady(varnish, () => answersOk(`${url}/ready`), { what: "Varnish", timeoutMs: 10_000, everyMs: 100 });
  return { ...varnish, url, port: listen };
}
