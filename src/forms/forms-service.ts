import { randomBytes } from "node:crypto";
import type { Config } from "../platform/settings.ts";
import { badInput } from "../domain/errors.ts";
import { validateInput } from "../write/input-validation.ts";
import { MemoryStore, RedisStore, type SharedStore } from "./shared-store.ts";
import { enforceRateLimit } from "./rate-limit.ts";
import { acceptProof, newChallenge } from "./proof-of-work.ts";
import { isDisposableAddress, mailboxOf } from "./email-address.ts";
import type { FormClient } from "./client.ts";
import { systemClock, type Clock } from "../platform/clock.ts";

export interface FormsServiceOptions {
  settings: Config;
  /** Token expiry, rate-limit windows and challenge expiry are all read from this clock. */
  clock?: Clock;
  store?: SharedStore;
}

/** What every public form answers when it was accepted (or silently dropped as a bot's). */
export interface FormAnswer {
  ok: boolean;
  message: string;
}

/**
 * The settings, clock and shared state the public forms work with, and the checks every
 * form submission passes before it may write anything.
 */
export class FormsService {
  readonly settings: Config;
  readonly clock: Clock;
  readonly store: SharedStore;
  /** Signs challenges and unsubscribe links. */
  readonly secret: string;
  /** Called after a mail was queued (the delivery worker sends it without waiting for its next poll). */
  onMailQueued: () => void = () => {};

  constructor({ settings, clock = systemClock, store }: FormsServiceOptions) {
    this.settings = settings;
    this.clock = clock;
    this.store = store ?? (settings.REDIS_URL ? new RedisStore(settings.REDIS_URL, settings.REDIS_PREFIX) : new MemoryStore());
    this.secret = settings.FORMS_SECRET ?? randomBytes(32).toString("base64url");
  }

  challenge() {
    return newChallenge(this.secret, this.settings.ALTCHA_MAX_NUMBER, this.clock.now());
  }

  /** Validates a form's fields; throws BAD_USER_INPUT naming the first bad one. */
  parse<Schema extends Parameters<typeof validateInput>[0]>(schema: Schema, input: unknown) {
    return validateInput(schema, input, "input");
  }

  /**
   * The abuse checks, in order: the honeypot (false: drop the submission, answering as if it
   * was accepted), the proof of work, the rate limits per client address and per mailbox
   * (sub-addresses of one mailbox count together), and the disposable-domain blocklist.
   */
  async admit(form: { proof: string; website?: string | null; email: string }, client: FormClient): Promise<boolean> {
    if (form.website) return false;
    const now = this.clock.now();
    if (!(await acceptProof(form.proof, this.secret, this.store, now))) {
      throw badInput("input.proof: the proof of work is missing, wrong, expired or already used; solve a new formChallenge", {
        field: "input.proof",
      });
    }
    const windowSeconds = this.settings.FORMS_RATE_LIMIT_WINDOW_SECONDS;
    await enforceRateLimit(this.store, { scope: "ip", limit: this.settings.FORMS_RATE_LIMIT_PER_IP, windowSeconds }, client.ip, now);
    await enforceRateLimit(this.store, { scope: "address", limit: this.settings.FORMS_RATE_LIMIT_PER_ADDRESS, windowSeconds }, mailboxOf(form.email), now);
    if (isDisposableAddress(form.email)) {
      throw badInput("input.email: addresses of disposable mailbox services are not accepted", { field: "input.email" });
    }
    return true;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
