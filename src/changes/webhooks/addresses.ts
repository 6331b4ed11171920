import { BlockList, isIP } from "node:net";
import { lookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { lookup as lookupCallback } from "node:dns";

/** Loopback, private, shared, link-local, multicast and reserved ranges: never a webhook's receiver. */
const refused = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) refused.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96]] as const) {
  refused.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is on a loopback, private or link-local network (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 0) return true;
  return refused.check(address, family === 4 ? "ipv4" : "ipv6");
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

/**
 * Why a webhook URL is refused, or undefined: http(s) only, and unless private networks are
 * allowed, no host that is or resolves to such an address (checked again at each connection).
 */
export async function refusalOf(rawUrl: string, allowPrivate: boolean): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return "must be an absolute http(s) URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an http(s) URL";
  if (url.username || url.password) return "must not carry credentials";
  if (allowPrivate) return undefined;
  const host = hostOf(url);
  if (host === "localhost" || host.endsWith(".localhost")) return "must not point at a loopback, private or link-local address";
  const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then((all) => all.map((entry) => entry.address), () => []);
  return addresses.some(isPrivateAddress) ? "must not point at a loopback, private or link-local address" : undefined;
}

/** A DNS lookup for http(s).request that fails on a private address: the address checked is the one connected to. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookupCallback(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as unknown as { address: string; family: number }[];
    const blocked = list.find((entry) => isPrivateAddress(entry.address));
    if (blocked) return callback(Object.assign(new Error(`refused: ${hostname} resolves to a private address`), { code: "EPRIVATE" }), "", 0);
    if (options.all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

/** Whether connecting to this URL's host literal is refused before any lookup (an IP written in the URL). */
export function literalRefused(url: URL): boolean {
  const host = hostOf(url);
  return host === "localhost" || (isIP(host) !== 0 && isPrivateAddress(host));
}
