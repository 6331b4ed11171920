import { brandWithType } from "@pothos/core";
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import { db } from "../db/client.ts";
import type { Context } from "./context.ts";
import { visibleArticleWhere, visiblePageWhere } from "../domain/visibility.ts";
import { badInput } from "../domain/errors.ts";
import { MAX_PAGE_SIZE } from "./connections/connection-size.ts";

interface GlobalId {
  typename: string;
  id: string;
}

type Row = { id: number };
type FindMany = (args: { where: object } & object) => Promise<Row[]>;

/** How to fetch each Node type in bulk, visibility included. A Map: type names come from callers. */
const NODE_TYPES = new Map<string, (ctx: Context) => { findMany: FindMany; where: object }>([
  ["Article", (ctx) => ({ findMany: (args) => db().article.findMany(args), where: visibleArticleWhere(ctx) })],
  ["Author", () => ({ findMany: (args) => db().author.findMany(args), where: {} })],
  ["Category", () => ({ findMany: (args) => db().category.findMany(args), where: {} })],
  ["Page", (ctx) => ({ findMany: (args) => db().page.findMany(args), where: visiblePageWhere(ctx) })],
]);

function parseKey(id: GlobalId): number {
  if (!/^\d{1,15}$/.test(id.id)) throw badInput(`Invalid ${id.typename} id`, { argument: "id" });
  return Number(id.id);
}

/**
 * Resolves `node` and `nodes`: one statement per requested type (plus its folded relations),
 * whatever the number of ids. Unknown types and invisible or missing objects are null.
 */
export async function loadNodes(ids: readonly GlobalId[], ctx: Context, info: GraphQLResolveInfo): Promise<unknown[]> {
  if (ids.length > MAX_PAGE_SIZE) {
    throw badInput(`"ids" may list at most ${MAX_PAGE_SIZE} ids, got ${ids.length}`, { argument: "ids", maximum: MAX_PAGE_SIZE });
  }
  const keysByType = new Map<string, number[]>();
  for (const id of ids) {
    if (!NODE_TYPES.has(id.typename)) continue;
    const keys = keysByType.get(id.typename) ?? [];
    keys.push(parseKey(id));
    keysByType.set(id.typename, keys);
  }

  const found = new Map<string, Row>();
  await Promise.all(
    [...keysByType].map(async ([typename, keys]) => {
      const { findMany, where } = NODE_TYPES.get(typename)!(ctx);
      const query = queryFromInfo({ context: ctx, info, typeName: typename });
      const rows = await findMany({ ...query, where: { AND: [{ id: { in: keys } }, where] } });
      for (const row of rows) {
        brandWithType(row, typename as never);
        found.set(`${typename}:${row.id}`, row);
      }
    }),
  );
  return ids.map((id) => found.get(`${id.typename}:${id.id}`) ?? null);
}
