import type { Plugin } from "graphql-yoga";
import { errorResponse } from "./error-response.ts";

const declaredLength = (request: Request) => Number(request.headers.get("content-length") ?? 0);

/**
 * The request's body, read up to `limit` bytes: undefined when it is larger, as soon as that is
 * known (a Content-Length over the limit reads nothing; a chunked body is not read past it).
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (declaredLength(request) > limit) return undefined;
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
}

/** Closing the connection stops Node from reading (and discarding) the rest of the body. */
const tooLarge = (limit: number) =>
  errorResponse(413, "REQUEST_ENTITY_TOO_LARGE", `The request body is larger than ${limit} bytes`, { connection: "close" });

/**
 * Every route's request body, read once and at most `limit` bytes of it, before any other plugin
 * or route looks at it (the response cache's key, CSRF, forms, GraphQL's parsers): a larger one
 * is refused with 413 and not read further. Later readers get the bytes read here.
 */
export function boundedRequestBodies(limit: number): Plugin {
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    async onRequest({ request, setRequest, endResponse, fetchAPI }) {
      if (!request.body) {
        if (declaredLength(request) > limit) endResponse(tooLarge(limit));
        return;
      }
      let body: Uint8Array<ArrayBuffer> | undefined;
      try {
        body = await readBody(request, limit);
      } catch {
        // The client went away or its connection timed out mid-body: nobody reads this answer.
        endResponse(errorResponse(400, "BAD_REQUEST", "The request body could not be read", { connection: "close" }));
        return;
      }
      if (!body) return endResponse(tooLarge(limit));
      setRequest(new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal }));
    },
  };
}
