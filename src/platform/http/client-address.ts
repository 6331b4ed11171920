import { BlockList, isIP } from "node:net";

/**
 * Which hops in front of this server may say who the client is (TRUST_PROXY): a number of
 * proxies (each appends the address it was connected from to X-Forwarded-For), or the
 * addresses of the proxies themselves.
 */
export type ProxyTrust = { hops: number } | { proxies: BlockList };

/**
 * Reads TRUST_PROXY: false/true (0 or 1 proxy), a number of proxies, or a comma-separated
 * list of proxy addresses and CIDR ranges. Undefined when it is none of these.
 */
export function parseProxyTrust(value: string): ProxyTrust | undefined {
  const text = value.trim().toLowerCase();
  if (["false", "no", "off", "n", "disabled"].includes(text)) return { hops: 0 };
  if (["true", "yes", "on", "y", "enabled"].includes(text)) return { hops: 1 };
  if (/^\d{1,2}$/.test(text)) return { hops: Number(text) };
  const proxies = new BlockList();
  for (const entry of text.split(",").map((part) => part.trim())) {
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family || extra !== undefined) return undefined;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      proxies.addAddress(address!, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits <= (family === 4 ? 32 : 128))) return undefined;
    proxies.addSubnet(address!, bits, type);
  }
  return { proxies };
}

/**
 * The client address of a request: the connection's peer, or, for each hop TRUST_PROXY trusts,
 * the address that hop appended to X-Forwarded-For (read from the right, so entries the
 * client wrote itself are never taken). Always a valid IP address, with IPv4-mapped IPv6
 * written as IPv4; undefined when the request came without a connection (in-process calls)
 * and no trusted hop named one.
 *
 * `serverContext` is what the HTTP server gave Yoga: over node:http, `{ req, res }`.
 */
export function clientAddress(request: Request, serverContext: unknown, trust: ProxyTrust): string | undefined {
  let address = peerAddress(serverContext);
  const forwarded = "hops" in trust && trust.hops === 0 ? [] : forwardedFor(request);
  for (let hop = 1; hop <= forwarded.length; hop++) {
    const trusted = "hops" in trust ? hop <= trust.hops : address !== undefined && isTrustedProxy(trust.proxies, address);
    if (!trusted) break;
    const next = ipAddress(forwarded[forwarded.length - hop]!);
    if (next === undefined) break;
    address = next;
  }
  return address;
}

function peerAddress(serverContext: unknown): string | undefined {
  const socket = (serverContext as { req?: { socket?: { remoteAddress?: unknown } } } | undefined)?.req?.socket;
  return typeof socket?.remoteAddress === "string" ? ipAddress(socket.remoteAddress) : undefined;
}

function forwardedFor(request: Request): string[] {
  // Several X-Forwarded-For headers arrive joined with ", ", in order.
  return (request.headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
}

function isTrustedProxy(proxies: BlockList, address: string): boolean {
  return proxies.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/** The address an X-Forwarded-For entry or socket names (a port or brackets stripped), if it is one. */
function ipAddress(entry: string): string | undefined {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  const address = bracketed?.[1] ?? withPort?.[1] ?? entry;
  if (!isIP(address)) return undefined;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1] : address.toLowerCase();
}
