import { config } from "../config.ts";

/** A URI of the site (src/content/uri.ts) as an absolute URL under SITE_URL. */
export function absoluteUrl(uri: string, siteUrl: string = config().SITE_URL): string {
  return `${siteUrl}${uri}`;
}
