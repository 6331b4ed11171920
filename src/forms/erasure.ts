import { inTransaction } from "../db/transaction.ts";

/**
 * Erases an address on request (GDPR Art. 17): the subscriber with its consent records, the
 * contact messages it sent and every mail in the outbox to it or carrying its contact message. The erasure itself is recorded
 * (when, by which token, how much was removed), the address is not. False when nothing held it.
 */
export async function eraseAddress(address: string, tokenId: number | null, now: Date): Promise<boolean> {
  return inTransaction(async (tx) => {
    const subscriber = await tx.subscriber.findUnique({ where: { email: address }, select: { id: true, _count: { select: { consents: true } } } });
    if (subscriber) await tx.subscriber.delete({ where: { id: subscriber.id } });
    const messages = await tx.contactMessage.deleteMany({ where: { email: address } });
    // Mails to the address, and contact mails to the editors that carry it as their Reply-To.
    await tx.outboxMail.deleteMany({ where: { OR: [{ toAddress: address }, { replyTo: { endsWith: `<${address}>` } }] } });
    if (!subscriber && messages.count === 0) return false;
    await tx.subscriberErasure.create({
      data: { erasedAt: now, tokenId, consents: subscriber?._count.consents ?? 0, contactMessages: messages.count },
    });
    return true;
  });
}
