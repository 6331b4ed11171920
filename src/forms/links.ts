/** The pages behind the links in subscription mails (served by src/forms/http-pages.ts). */
export const CONFIRM_PATH = "/subscription/confirm";
export const UNSUBSCRIBE_PATH = "/subscription/unsubscribe";

export function confirmUrl(siteUrl: string, token: string): string {
  return `${siteUrl}${CONFIRM_PATH}?token=${encodeURIComponent(token)}`;
}

export function unsubscribeUrl(siteUrl: string, token: string): string {
  return `${siteUrl}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`;
}

/** The domain Message-IDs are made in: the sender's, else the site's. */
export function messageIdDomain(mailFrom: string, siteUrl: string): string {
  return /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? new URL(siteUrl).hostname;
}
