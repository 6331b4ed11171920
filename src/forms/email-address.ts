import { domainToASCII } from "node:url";
import { isDisposableEmailDomain } from "disposable-email-domains-js";

export const EMAIL_MAX_LENGTH = 254;

// A pragmatic dot-atom local part (what real mail providers hand out) and a dotted domain.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/**
 * The one form an address is stored and compared in: trimmed, lower-case, with an
 * internationalized domain in its ASCII (punycode) form. Undefined when it is not an address
 * mail can be sent to.
 */
export function normalizeEmail(input: string): string | undefined {
  const trimmed = input.trim();
  if (trimmed.length > EMAIL_MAX_LENGTH) return undefined;
  const at = trimmed.lastIndexOf("@");
  if (at <= 0) return undefined;
  const local = trimmed.slice(0, at).toLowerCase();
  const domain = domainToASCII(trimmed.slice(at + 1).toLowerCase());
  if (local.length > 64 || !LOCAL_PART.test(local) || !DOMAIN.test(domain)) return undefined;
  const address = `${local}@${domain}`;
  return address.length <= EMAIL_MAX_LENGTH ? address : undefined;
}

/** Whether the address belongs to a throwaway-mailbox service (or a sub-domain of one). */
export function isDisposableAddress(address: string): boolean {
  const labels = address.slice(address.lastIndexOf("@") + 1).split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    if (isDisposableEmailDomain(labels.slice(i).join("."))) return true;
  }
  return false;
}

/** Providers that ignore dots in the local part (j.ane@ and jane@ are one mailbox), by the domain they deliver to. */
const DOTS_IGNORED: Record<string, string> = { "gmail.com": "gmail.com", "googlemail.com": "gmail.com" };

/**
 * The mailbox a normalized address delivers to, for counting: without its sub-address
 * (jane+news@ is jane@) and, at providers that ignore them, without dots in the local part.
 * Addresses are still stored and mailed as given.
 */
export function mailboxOf(address: string): string {
  const at = address.lastIndexOf("@");
  const domain = address.slice(at + 1).toLowerCase();
  let local = address.slice(0, at).toLowerCase();
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  const dotless = DOTS_IGNORED[domain];
  return dotless ? `${local.replace(/\./g, "")}@${dotless}` : `${local}@${domain}`;
}
