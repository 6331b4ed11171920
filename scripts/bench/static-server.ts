import { createServer, type Server } from "node:http";

/** A server that answers every request with these bytes and headers: the floor for any cache. */
export async function startStaticServer(port: number, body: Buffer, contentType: string): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": contentType, "content-length": body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}
