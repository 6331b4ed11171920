import { wrappingAdapters } from "./adapter-wrapping.ts";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

const SERIAL_METHODS = new Set<PropertyKey>(["queryRaw", "executeRaw", "commit", "rollback", "createSavepoint", "rollbackToSavepoint", "releaseSavepoint"]);

/**
 * An interactive transaction is one connection, and node-postgres refuses a query sent while the
 * connection runs another (a deprecation warning in pg 8, an error in pg 9). Prisma's query
 * compiler sends a read's relation queries at once even inside a transaction (prisma/orm#29468,
 * #29979, open), so each transaction's statements wait here for the one before to finish.
 */
function serialTransaction(transaction: Transaction): Transaction {
  let previous: Promise<unknown> = Promise.resolve();
  return new Proxy(transaction, {
    get(object, property, receiver): unknown {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (!SERIAL_METHODS.has(property)) return method.bind(object);
      return (...args: unknown[]) => {
        const next = previous.then(
          () => method.apply(object, args),
          () => method.apply(object, args),
        );
        previous = next.catch(() => undefined);
        return next;
      };
    },
  });
}

function serialAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(object, property, receiver): unknown {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property !== "startTransaction") return method.bind(object);
      return async (...args: unknown[]) => serialTransaction((await method.apply(object, args)) as Transaction);
    },
  });
}

/** Wraps a driver adapter factory so that each transaction sends its statements one at a time. */
export function serialTransactionsFactory<T extends SqlMigrationAwareDriverAdapterFactory>(factory: T): T {
  return wrappingAdapters(factory, serialAdapter);
}
