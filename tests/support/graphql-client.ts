// The one GraphQL-over-HTTP client of the tests and scripts/ (it imports nothing of src/, so a
// script can use it without building a server).

export interface GraphQLResponse<T = any> {
  status: number;
  response: Response;
  body: { data?: T; errors?: { message: string; path?: string[]; extensions?: { code?: string } & Record<string, unknown> }[] };
  text: string;
}

/**
 * Where a request goes: a server's origin (`http://127.0.0.1:4000`) over the network, or a fetch
 * handler such as a Lantern Yoga's, which answers without opening a port.
 */
export type GraphQLTarget = string | { fetch(url: string, init: RequestInit): Response | Promise<Response> };

/** The method, headers and body of a GraphQL POST (also the shape autocannon's requests take). */
export function graphqlPost(query: string, variables?: object, headers: Record<string, string> = {}) {
  return { method: "POST" as const, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) };
}

/** Sends one GraphQL POST to `/graphql` of `target` and reads its JSON answer. */
export async function postGraphql<T = any>(
  target: GraphQLTarget,
  query: string,
  variables?: object,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const init = graphqlPost(query, variables, headers);
  const response = typeof target === "string" ? await fetch(`${target}/graphql`, init) : await target.fetch("http://lantern.test/graphql", init);
  const text = await response.text();
  return { status: response.status, response, body: JSON.parse(text) as GraphQLResponse<T>["body"], text };
}

/** The data of a GraphQL answer; throws with the answer's errors when it has any. */
export async function graphqlData<T = any>(target: GraphQLTarget, query: string, variables?: object, headers: Record<string, string> = {}): Promise<T> {
  const { body } = await postGraphql<T>(target, query, variables, headers);
  if (body.errors || body.data === undefined) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}
