export type SqlValue = string | number | Date | null;

/** SQL text with its values kept apart, so values are always bound, never spliced in. */
export class Statement {
  constructor(
    readonly parts: readonly string[],
    readonly values: readonly SqlValue[],
  ) {}
}

type Interpolated = SqlValue | readonly SqlValue[] | Statement;

/**
 * Hand-written SQL: sql`SELECT "slug" FROM "Article" WHERE "id" = ${id}`. A value becomes a
 * placeholder, an array a parenthesised list of them, a nested statement is inlined.
 * Identifiers are double-quoted, which SQLite and PostgreSQL both read the same way.
 */
export function sql(strings: TemplateStringsArray, ...interpolated: Interpolated[]): Statement {
  const parts = [strings[0]!];
  const values: SqlValue[] = [];
  const append = (text: string) => (parts[parts.length - 1] += text);
  const bind = (value: SqlValue, after: string) => {
    values.push(value);
    parts.push(after);
  };

  interpolated.forEach((item, index) => {
    const after = strings[index + 1]!;
    if (item instanceof Statement) {
      append(item.parts[0]!);
      item.values.forEach((value, i) => bind(value, item.parts[i + 1]!));
      append(after);
    } else if (Array.isArray(item)) {
      if (item.length === 0) throw new Error("sql``: an empty list cannot be bound");
      append("(");
      item.forEach((value, i) => bind(value, i < item.length - 1 ? ", " : `)${after}`));
    } else {
      bind(item as SqlValue, after);
    }
  });
  return new Statement(parts, values);
}

/** SQL text written in this code base (an alias, a column name), never anything from a request. */
export function trustedSql(text: string): Statement {
  return new Statement([text], []);
}
