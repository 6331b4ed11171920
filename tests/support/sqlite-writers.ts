// One process of the concurrent-writers test. Its writers (Prisma clients with the application's
// adapter configuration) write to DATABASE_URL together once the parent sends a line, then it
// prints {"ok": n, "errors": [...]} as one line.
//
// CONNECTIONS clients each run single-statement writes. Transactions come from one client per
// process, as in the application: better-sqlite3 waits for a lock synchronously, so a second
// connection in the same thread would wait for the first, which cannot run to release it.
import { createPrismaClient } from "../../src/db/client.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";

const connections = Number(process.env.CONNECTIONS);
const writersPerConnection = Number(process.env.WRITERS_PER_CONNECTION);
const rounds = Number(process.env.ROUNDS);
const transactions = process.env.MODE === "transactions";
const name = process.env.WRITER_NAME!;

async function statementWrite(client: PrismaClient, tag: string, round: number) {
  if (round % 2 === 0) await client.subscriber.create({ data: { email: `${tag}@example.org` } });
  else await client.article.update({ where: { slug: "the-therapeutic-relationship" }, data: { version: { increment: 1 } } });
}

async function transactionWrite(client: PrismaClient, tag: string, round: number) {
  if (round % 2 === 0) {
    await client.$transaction([
      client.contactMessage.create({ data: { name: tag, email: `${tag}@example.org`, message: "hello" } }),
      client.article.updateMany({ where: { slug: "the-therapeutic-relationship" }, data: { version: { increment: 1 } } }),
    ]);
  } else {
    // Write first: a transaction that reads first cannot always upgrade to a writer (below).
    await client.$transaction(async (tx) => {
      const article = await tx.article.update({
        where: { slug: "the-therapeutic-relationship" },
        data: { version: { increment: 1 } },
      });
      await tx.subscriber.create({ data: { email: `${tag}-v${article.version}@example.org` } });
    });
  }
}

async function writer(client: PrismaClient, tag: string) {
  const errors: string[] = [];
  let ok = 0;
  for (let round = 0; round < rounds; round++) {
    try {
      await (transactions ? transactionWrite : statementWrite)(client, `${tag}-${round}`, round);
      ok++;
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { ok, errors };
}

const clients = Array.from({ length: connections }, () => createPrismaClient(process.env.DATABASE_URL!));
await Promise.all(clients.map((client) => client.$connect()));
process.stdout.write("ready\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
const results = await Promise.all(
  clients.flatMap((client, c) =>
    Array.from({ length: writersPerConnection }, (_, w) => writer(client, `${name}-${c}-${w}`)),
  ),
);
await Promise.all(clients.map((client) => client.$disconnect()));
const summary = { ok: results.reduce((sum, r) => sum + r.ok, 0), errors: results.flatMap((r) => r.errors) };
process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exit(0);
