import { createHmac, randomBytes } from "node:crypto";

/** A new signing secret, as Standard Webhooks writes it: "whsec_" + base64 of 32 random bytes. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString("base64")}`;

/** The webhook-signature header for one attempt: v1,<base64 HMAC-SHA256 of "id.timestamp.body">. */
export function signature(secret: string, messageId: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${messageId}.${timestamp}.${body}`).digest("base64")}`;
}
