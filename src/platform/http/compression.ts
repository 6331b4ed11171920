import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "graphql-yoga";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export type Encoding = "br" | "gzip";

/** Smaller answers are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_FROM_BYTES = 1024;

const COMPRESSIBLE = /^(application\/(json|graphql-response\+json|javascript)|text\/(html|css|plain|javascript))\b/;

/** Whether answers of this type are compressed, and so vary by `Accept-Encoding`. */
export function isCompressible(contentType: string | null): boolean {
  return COMPRESSIBLE.test(contentType ?? "");
}

/** `br` or `gzip` as the client accepts them (by q-value, `br` first on a tie), or undefined. */
export function chooseEncoding(acceptEncoding: string | null): Encoding | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => accepted.get(name) ?? (accepted.has("*") ? accepted.get("*")! : 0);
  const best = (["br", "gzip"] as const).filter((name) => weight(name) > 0).sort((a, b) => weight(b) - weight(a))[0];
  return best;
}

/** The ETag of a compressed variant: another representation, so another tag. */
export function variantEtag(etag: string, encoding: string): string {
  return etag.replace(/"$/, `-${encoding}"`);
}

/** A body compressed as it is sent: a quick setting, not the smallest. */
export function compress(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  return encoding === "br" ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipped(body, { level: 6 });
}

/**
 * Compresses answers of `COMPRESS_FROM_BYTES` or more with br or gzip by `Accept-Encoding` (never
 * event streams). Answers made by `serveCached` (src/platform/http/serve-cached.ts) already vary
 * by `Accept-Encoding` and are left as they are.
 */
export function compression(): Plugin {
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    async onResponse({ request, response, setResponse }) {
      if (!response.body || response.headers.has("content-encoding")) return;
      if (!isCompressible(response.headers.get("content-type"))) return;
      if (/\baccept-encoding\b/i.test(response.headers.get("vary") ?? "")) return;
      const encoding = chooseEncoding(request.headers.get("accept-encoding"));
      // Sent as it is: the answer only gains its Vary header (Yoga's answers have mutable headers).
      if (!encoding) return void response.headers.append("vary", "Accept-Encoding");
      const headers = new Headers(response.headers);
      headers.append("vary", "Accept-Encoding");
      const body = Buffer.from(await response.arrayBuffer());
      if (body.length < COMPRESS_FROM_BYTES) return void setResponse(new Response(body, { status: response.status, statusText: response.statusText, headers }));
      headers.set("content-encoding", encoding);
      headers.delete("content-length");
      const etag = headers.get("etag");
      if (etag) headers.set("etag", variantEtag(etag, encoding));
      setResponse(new Response(new Uint8Array(await compress(body, encoding)), { status: response.status, statusText: response.statusText, headers }));
    },
  };
}
