import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";

let statements = 0;

/** SQL statements sent to the database by this process so far. */
export function sqlStatementCount(): number {
  return statements;
}

const COUNTED_METHODS = new Set<PropertyKey>(["queryRaw", "executeRaw", "executeScript"]);

/** Wraps a connection or transaction so each statement it runs is counted. */
function counting<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object);
      if (typeof value !== "function") return value;
      if (COUNTED_METHODS.has(property)) {
        return (...args: unknown[]) => {
          statements++;
          return value.apply(object, args);
        };
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => counting(await value.apply(object, args));
      }
      return value.bind(object);
    },
  });
}

/** A driver adapter factory whose connections count every SQL statement they run. */
export function countingStatements<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(object, property) {
      const value = Reflect.get(object, property, object);
      if (property === "connect") return async () => counting(await factory.connect());
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}
