import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "../domain/viewer.ts";
import { viewerFromRequest } from "../auth/viewer-from-request.ts";
import { createLoaders, type Loaders } from "../read/loaders.ts";
import type { FormsService } from "../forms/forms-service.ts";
import { formClient, type FormClient } from "../forms/client.ts";
import type { Clock } from "../platform/clock.ts";
import type { FeaturedLive } from "../live/featured-live.ts";

export interface Context {
  viewer: Viewer;
  /** One clock per request, so every visibility check in it agrees. */
  now: Date;
  loaders: Loaders;
  /** The public forms' service, and who is sending (for consent records and rate limits). */
  forms: { service: FormsService; client: FormClient };
  /** This server's live featured slots (subscriptions, and the changes told to them). */
  featuredLive: FeaturedLive;
  /** This server's public origin (SITE_URL), the start of every absolute URL it writes. */
  siteUrl: string;
  /** WEBHOOK_ALLOW_PRIVATE_NETWORKS: webhooks may point at loopback and private addresses. */
  allowPrivateWebhooks: boolean;
  /** PREVIEW_URL: the front end's draft-mode address with {token} and {uri}, if set. */
  previewUrl?: string;
}

/** Drops everything the request's loaders cached (after a mutation changed the data). */
export function refreshLoaders(ctx: Context): void {
  ctx.loaders = createLoaders(ctx);
}

export async function createContext(initial: YogaInitialContext, clock: Clock, featuredLive: FeaturedLive, forms: FormsService, siteUrl: string, previewUrl?: string): Promise<Context> {
  const now = clock.now();
  const scope = { viewer: await viewerFromRequest(initial.request, now), now };
  // Yoga's initial context is the server context (over node:http, { req, res }) plus the request.
  const client = formClient(initial.request, initial, forms.settings.TRUST_PROXY);
  return { ...scope, loaders: createLoaders(scope), featuredLive, forms: { service: forms, client }, siteUrl, allowPrivateWebhooks: forms.settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS, previewUrl };
}
