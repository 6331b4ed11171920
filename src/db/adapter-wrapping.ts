import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/** A driver adapter factory whose adapters (the database's and the shadow one) are passed through `wrap`. */
export function wrappingAdapters<T extends SqlMigrationAwareDriverAdapterFactory>(factory: T, wrap: (adapter: SqlDriverAdapter) => SqlDriverAdapter): T {
  return new Proxy(factory, {
    get(object, property, receiver): unknown {
      const value: unknown = Reflect.get(object, property, receiver);
      if (property === "connect" || property === "connectToShadowDb") {
        return async () => wrap(await (value as () => Promise<SqlDriverAdapter>).call(object));
      }
      return typeof value === "function" ? (value as () => unknown).bind(object) : value;
    },
  });
}
