import { afterAll, describe, expect, it } from "vitest";
import { isIP, type AddressInfo } from "node:net";
import type { Server } from "node:http";
import { db } from "../src/db/client.ts";
import { startServer } from "../src/app/server.ts";
import { clientAddress, parseProxyTrust } from "../src/platform/http/client-address.ts";
import { parseConfig, ConfigError } from "../src/platform/settings.ts";
import { errorCodes, type GraphQLResponse } from "./support/graphql.ts";
import { CONSENT_TEXT, SUBSCRIBE, formSettings, formsServer, manualClock, solvedProof } from "./support/forms.ts";
import { unique } from "./support/fixtures.ts";
import { postGraphql } from "./support/graphql-client.ts";

// The test plays the reverse proxy: it connects from 127.0.0.1 and, as nginx's
// $proxy_add_x_forwarded_for does, appends the address its client connected from to whatever
// X-Forwarded-For the client sent.
const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

async function behindProxy(trustProxy: string, overrides: Record<string, string> = {}) {
  const clock = manualClock();
  const parts = formsServer(formSettings(undefined, { TRUST_PROXY: trustProxy, ...overrides }), clock);
  const server = await startServer(0, "127.0.0.1", parts.forms.settings, { clock, forms: parts.forms });
  servers.push(server);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async function subscribe(email: string, forwardedFor: string): Promise<GraphQLResponse> {
    const proof = await solvedProof(parts.yoga);
    return postGraphql(origin, SUBSCRIBE, { input: { email, source: "sidebar", consentText: CONSENT_TEXT, proof } }, { "x-forwarded-for": forwardedFor });
  };
}

const address = () => `reader-${unique()}@example.org`;

async function consentIp(email: string): Promise<string> {
  return (await db().consentRecord.findFirstOrThrow({ where: { subscriber: { email } } })).ip;
}

describe("the client address behind a proxy that appends the peer address", () => {
  it("with TRUST_PROXY=true, one client's own X-Forwarded-For entries do not get it past the limit per client address", async () => {
    const subscribe = await behindProxy("true", { FORMS_RATE_LIMIT_PER_IP: "20", FORMS_RATE_LIMIT_PER_ADDRESS: "1000" });
    const outcomes: (string | undefined)[] = [];
    for (let i = 0; i < 25; i++) {
      const response = await subscribe(address(), `198.51.100.${i + 1}, 203.0.113.9`);
      outcomes.push(response.body.data?.subscribe?.ok ? "ok" : errorCodes(response)[0]);
    }
    expect(outcomes.filter((outcome) => outcome === "ok")).toHaveLength(20);
    expect(outcomes.slice(20)).toEqual(Array(5).fill("RATE_LIMITED"));
  });

  it.each([
    ["true", "=cmd|' /C calc'!A0, 203.0.113.10", "203.0.113.10"],
    ["1", "[2001:db8::1]:4711, 203.0.113.11", "203.0.113.11"],
    // Two proxies, the outer one appended a valid address, the client wrote the rest.
    ["2", "=cmd|' /C calc'!A0, 203.0.113.12, 10.0.0.2", "203.0.113.12"],
    // A proxy list: the peer (127.0.0.1) and 10.0.0.2 are proxies, 203.0.113.13 is the client.
    ["127.0.0.0/8, 10.0.0.0/8", "192.0.2.99, 203.0.113.13, 10.0.0.2", "203.0.113.13"],
    // Garbage where the client's address should be: the nearest proxy that wrote it is taken.
    ["2", "=cmd|' /C calc'!A0, 10.0.0.2", "10.0.0.2"],
    ["127.0.0.1", "=cmd|' /C calc'!A0", "127.0.0.1"],
    ["false", "203.0.113.14", "127.0.0.1"],
  ])("TRUST_PROXY=%s and X-Forwarded-For %j: the consent record keeps %s", async (trustProxy, forwardedFor, expected) => {
    const subscribe = await behindProxy(trustProxy);
    const email = address();
    expect((await subscribe(email, forwardedFor)).body.data.subscribe.ok).toBe(true);
    const ip = await consentIp(email);
    expect(ip).toBe(expected);
    expect(isIP(ip)).not.toBe(0);
  });
});

describe("clientAddress", () => {
  const peer = (remoteAddress: string) => ({ req: { socket: { remoteAddress } } });
  const request = (forwardedFor?: string) => new Request("http://lantern.test/", { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });

  it("writes IPv4-mapped peers as IPv4 and never answers anything but an IP address", () => {
    expect(clientAddress(request(), peer("::ffff:192.0.2.1"), parseProxyTrust("false")!)).toBe("192.0.2.1");
    expect(clientAddress(request("not-an-ip"), peer("::1"), parseProxyTrust("true")!)).toBe("::1");
    expect(clientAddress(request("not-an-ip"), {}, parseProxyTrust("true")!)).toBeUndefined();
    expect(clientAddress(request("192.0.2.7"), {}, parseProxyTrust("10.0.0.0/8")!)).toBeUndefined();
  });

  it.each(["maybe", "10.0.0.0/33", "10.0.0.0/8/1", "300.1.1.1", "-1"])("TRUST_PROXY=%s stops start-up with a line naming it", (value) => {
    expect(() => parseConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => parseConfig({ TRUST_PROXY: value })).toThrow(/^Invalid configuration: TRUST_PROXY /);
  });
});
