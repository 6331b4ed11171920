import { wrappingAdapters } from "./adapter-wrapping.ts";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";

let total = 0;

/** Every SQL statement sent to the database since the process started. */
export function sqlStatementCount(): number {
  return total;
}

function recordStatement(): void {
  total += 1;
}

function countCalls<T extends object>(target: T, methods: readonly string[]): T {
  return new Proxy(target, {
    get(object, property, receiver): unknown {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!methods.includes(property as string)) return method.bind(object);
      return (...args: unknown[]) => {
        recordStatement();
        return method.apply(object, args);
      };
    },
  });
}

const QUERY_METHODS = ["queryRaw", "executeRaw", "executeScript"] as const;

function countTransaction(transaction: Transaction): Transaction {
  return countCalls(transaction, [...QUERY_METHODS, "commit", "rollback"]);
}

function countAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const counted = countCalls(adapter, QUERY_METHODS);
  return new Proxy(counted, {
    get(object, property, receiver): unknown {
      if (property !== "startTransaction") return Reflect.get(object, property, receiver);
      return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) => {
        recordStatement(); // BEGIN
        return countTransaction(await adapter.startTransaction(...args));
      };
    },
  });
}

/** Wraps a driver adapter factory so that every statement it sends is counted. */
export function countingAdapterFactory<T extends SqlMigrationAwareDriverAdapterFactory>(factory: T): T {
  return wrappingAdapters(factory, countAdapter);
}
