import { config } from "../platform/settings.ts";

/** A URI of the site (src/domain/uri.ts) as an absolute URL under SITE_URL. */
export function absoluteUrl(uri: string, siteUrl: string = config().SITE_URL): string {
  return `${siteUrl}${uri}`;
}
