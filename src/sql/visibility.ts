import { canSeeUnpublished, type Viewer } from "../viewer.ts";
import { sql, trustedSql, type Statement } from "./statement.ts";

// The rules of src/visibility.ts, for reads written in SQL. `alias` is the table's alias in the
// query; it is written by this code, never taken from input.

interface VisibilityScope {
  viewer: Viewer;
  now: Date;
}

const column = (alias: string, name: string) => trustedSql(`"${alias}"."${name}"`);

export function publishedArticleSql(alias: string, now: Date): Statement {
  return sql`${column(alias, "status")} = ${"PUBLISHED"} AND ${column(alias, "publishedAt")} <= ${now}`;
}

export function visibleArticleSql(alias: string, scope: VisibilityScope): Statement {
  return canSeeUnpublished(scope.viewer) ? sql`1 = 1` : publishedArticleSql(alias, scope.now);
}

export function visiblePageSql(alias: string, scope: VisibilityScope): Statement {
  return canSeeUnpublished(scope.viewer) ? sql`1 = 1` : sql`${column(alias, "status")} = ${"PUBLISHED"}`;
}

export function activeFeaturedSql(alias: string, now: Date): Statement {
  const startsAt = column(alias, "startsAt");
  const endsAt = column(alias, "endsAt");
  return sql`(${startsAt} IS NULL OR ${startsAt} <= ${now}) AND (${endsAt} IS NULL OR ${endsAt} > ${now})`;
}
