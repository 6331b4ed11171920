import { createLanternYoga } from "../../src/yoga.ts";

const yoga = createLanternYoga();

export interface GraphQLResponse<T = any> {
  status: number;
  body: { data?: T; errors?: { message: string; path?: string[]; extensions?: { code?: string } & Record<string, unknown> }[] };
  text: string;
}

/** Sends one GraphQL request through Yoga's fetch handler, without opening a port. */
export async function graphql<T = any>(
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await yoga.fetch("http://lantern.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text };
}

export function fetchYoga(path: string, init: RequestInit = {}) {
  return yoga.fetch(new URL(path, "http://lantern.test"), init);
}

export function errorCodes(response: GraphQLResponse): (string | undefined)[] {
  return (response.body.errors ?? []).map((error) => error.extensions?.code);
}
