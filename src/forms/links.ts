/** The pages behind the links in subscription mails (served by src/forms/http-pages.ts). */
export const CONFIRM_PATH = "/subscription/confirm";
export const UNSUBSCRIBE_PATH = "/subscription/unsubscribe";

export function confirmUrl(publicUrl: string, token: string): string {
  return `${publicUrl}${CONFIRM_PATH}?token=${encodeURIComponent(token)}`;
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`;
}

/** The domain Message-IDs are made in: the sender's, else the site's. */
export function messageIdDomain(mailFrom: string, publicUrl: string): string {
  return /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? new URL(publicUrl).hostname;
}
