import type { Config } from "../platform/settings.ts";
import type { Logger } from "../platform/logging.ts";
import { writeDb } from "../db/client.ts";
import { DeliveryWorker } from "./delivery-worker.ts";
import { logTransport, smtpTransport } from "./transport.ts";

/**
 * The process' delivery worker: over SMTP_URL, or into the log in development when there is
 * none. In production without SMTP_URL nothing is sent and mails wait in the outbox.
 */
export function startMailDelivery(settings: Config, logger: Logger): DeliveryWorker | undefined {
  const transport = settings.SMTP_URL
    ? smtpTransport(settings.SMTP_URL)
    : settings.NODE_ENV !== "production"
      ? logTransport(logger.info)
      : undefined;
  if (!transport) {
    logger.info("SMTP_URL is not set: mails stay in the outbox until an instance with SMTP_URL sends them");
    return undefined;
  }
  const worker = new DeliveryWorker({ prisma: writeDb(), transport, from: settings.MAIL_FROM, log: logger.warn });
  worker.start(settings.MAIL_POLL_INTERVAL_MS);
  return worker;
}
