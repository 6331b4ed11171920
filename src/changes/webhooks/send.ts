import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isPrivateAddress, literalRefused, publicOnlyLookup } from "./addresses.ts";

export const WEBHOOK_TIMEOUT_MS = 5000;

export interface SendResult {
  statusCode?: number;
  error?: string;
  durationMs: number;
}

/**
 * POSTs one attempt. Unless private networks are allowed, the address connected to is checked
 * (an IP in the URL before connecting, a name as it resolves, and the socket's peer once
 * connected), so a name that resolves elsewhere after registration is still refused.
 */
export function send(rawUrl: string, headers: Record<string, string>, body: string, allowPrivate: boolean, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<SendResult> {
  const started = performance.now();
  const done = (result: Omit<SendResult, "durationMs">): SendResult => ({ ...result, durationMs: Math.round(performance.now() - started) });
  const url = new URL(rawUrl);
  if (!allowPrivate && literalRefused(url)) return Promise.resolve(done({ error: "refused: a loopback, private or link-local address" }));
  return new Promise((resolve) => {
    const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Lantern-Webhooks", ...headers },
      timeout: timeoutMs,
      ...(allowPrivate ? {} : { lookup: publicOnlyLookup }),
    });
    request.on("socket", (socket) => {
      if (allowPrivate) return;
      socket.once("connect", () => {
        if (socket.remoteAddress && isPrivateAddress(socket.remoteAddress)) request.destroy(new Error("refused: connected to a private address"));
      });
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error) => resolve(done({ error: error.message.slice(0, 300) })));
    request.on("response", (response) => {
      // The body is not kept; reading it lets the connection be reused.
      response.resume();
      response.on("end", () => resolve(done({ statusCode: response.statusCode })));
      response.on("error", (error) => resolve(done({ statusCode: response.statusCode, error: error.message })));
    });
    request.end(body);
  });
}
