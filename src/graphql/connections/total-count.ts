import type { builder } from "../builder.ts";
import type { CountedConnection } from "./keyset-connection.ts";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** `totalCount` on a connection type: every item the connection's filter matches, in all pages. */
export const totalCountField = (c: PothosSchemaTypes.ObjectFieldBuilder<Types, object>) => ({
  totalCount: c.int({
    description: "Items in all pages together; counted only when selected",
    resolve: (connection) => (connection as CountedConnection<unknown>).totalCount(),
  }),
});
