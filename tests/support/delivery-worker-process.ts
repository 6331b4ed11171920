// One Lantern instance's delivery worker, as a process of its own: drains the outbox of
// DATABASE_URL over SMTP_URL in batches of BATCH_SIZE once the parent sends a line, then prints
// its report as one JSON line.
import { createPrismaClient } from "../../src/db/client.ts";
import { DeliveryWorker } from "../../src/mail/delivery-worker.ts";
import { smtpTransport } from "../../src/mail/transport.ts";

const prisma = createPrismaClient(process.env.DATABASE_URL!);
const worker = new DeliveryWorker({
  prisma,
  transport: smtpTransport(process.env.SMTP_URL!),
  from: "Lantern <no-reply@example.org>",
  batchSize: Number(process.env.BATCH_SIZE),
});
await prisma.$queryRaw`SELECT 1`;
process.stdout.write("ready\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
const report = await worker.drain();
await worker.stop();
await prisma.$disconnect();
process.stdout.write(`${JSON.stringify(report)}\n`);
