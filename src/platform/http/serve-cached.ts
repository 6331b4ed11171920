import { COMPRESS_FROM_BYTES, chooseEncoding, compress, isCompressible, variantEtag, type Encoding } from "./compression.ts";
import { etagOf, matchesEtag } from "./etag.ts";

export interface Cacheable {
  body: string | Uint8Array;
  contentType: string;
  cacheControl: string;
  /** The body's hash when not given. */
  etag?: string;
  /** 200 when not given; only a 200 is answered 304. */
  status?: number;
  /** More headers: CORS, CSP, cache keys. */
  headers?: Record<string, string>;
  /** Bodies compressed ahead (GraphiQL's files); any other is compressed as it is sent. */
  encoded?: Readonly<Record<Encoding, () => Promise<Uint8Array>>>;
}

/**
 * The answer to a GET or HEAD for `answer`: 304 when If-None-Match names its ETag (or that of a
 * compressed variant), else 200 with the body, compressed by Accept-Encoding (br or gzip, from
 * COMPRESS_FROM_BYTES, for compressible types; those vary by Accept-Encoding), a compressed
 * variant tagged with its own ETag.
 */
export async function serveCached(request: Request, answer: Cacheable): Promise<Response> {
  const identity = typeof answer.body === "string" ? Buffer.from(answer.body) : answer.body;
  const etag = answer.etag ?? etagOf(answer.body);
  const status = answer.status ?? 200;
  const compressible = isCompressible(answer.contentType);
  const encoding = compressible && (answer.encoded || identity.length >= COMPRESS_FROM_BYTES) ? chooseEncoding(request.headers.get("accept-encoding")) : undefined;
  const headers: Record<string, string> = {
    ...answer.headers,
    "content-type": answer.contentType,
    "cache-control": answer.cacheControl,
    etag: encoding ? variantEtag(etag, encoding) : etag,
    ...(compressible ? { vary: [answer.headers?.vary, "accept-encoding"].filter(Boolean).join(", ") } : {}),
  };
  const revalidating = request.method === "GET" || request.method === "HEAD";
  if (status === 200 && revalidating && matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  const body = !encoding ? identity : answer.encoded ? await answer.encoded[encoding]() : await compress(identity, encoding);
  if (encoding) headers["content-encoding"] = encoding;
  headers["content-length"] = String(body.length);
  return new Response(request.method === "HEAD" ? null : new Uint8Array(body), { status, headers });
}
