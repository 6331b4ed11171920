import type { PrismaClient } from "../generated/prisma/client.ts";

const COLUMNS = [
  "email", "status", "subscribed_at", "confirmed_at", "unsubscribed_at",
  "consent_at", "consent_source", "consent_version", "consent_text", "consent_ip", "consent_user_agent",
] as const;

/**
 * Every subscriber with each of its consent records, one CSV line per consent (RFC 4180, CRLF
 * line ends). Cells that a spreadsheet would run as a formula are prefixed with a quote.
 */
export async function* subscribersCsv(prisma: PrismaClient, pageSize = 500): AsyncGenerator<string> {
  yield csvLine(COLUMNS);
  for (let after = 0; ; ) {
    const page = await prisma.subscriber.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: pageSize,
      include: { consents: { orderBy: { at: "asc" } } },
    });
    if (page.length === 0) return;
    for (const subscriber of page) {
      const person = [subscriber.email, subscriber.status, iso(subscriber.createdAt), iso(subscriber.confirmedAt), iso(subscriber.unsubscribedAt)];
      const consents = subscriber.consents.length > 0 ? subscriber.consents : [undefined];
      for (const consent of consents) {
        yield csvLine([
          ...person,
          iso(consent?.at), consent?.source ?? "", consent?.version ?? "", consent?.text ?? "", consent?.ip ?? "", consent?.userAgent ?? "",
        ]);
      }
    }
    after = page[page.length - 1]!.id;
  }
}

function iso(date: Date | null | undefined): string {
  return date ? date.toISOString() : "";
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
