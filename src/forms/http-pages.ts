import type { Plugin } from "graphql-yoga";
import { DomainError } from "../domain/errors.ts";
import { isEditor } from "../domain/viewer.ts";
import { db } from "../db/client.ts";
import { viewerFromRequest } from "../auth/viewer-from-request.ts";
import { escapeHtml } from "../mail/templates/html.ts";
import type { FormsService } from "./forms-service.ts";
import { CONFIRM_PATH, UNSUBSCRIBE_PATH } from "./links.ts";
import { confirmSubscription, unsubscribe } from "./subscriptions.ts";
import { subscribersCsv } from "./subscriber-csv.ts";
import { readBody } from "../platform/http/request-body.ts";

export const SUBSCRIBERS_CSV_PATH = "/forms/subscribers.csv";
const FORM_BODY_MAX_BYTES = 4096;

/**
 * The pages the links in subscription mails open, and the editors' CSV export:
 * - GET  /subscription/confirm?token=…     a page with a button; only its POST confirms, so
 *                                          link scanners that follow GET links confirm nothing
 * - POST /subscription/confirm             (form field token) confirms
 * - GET  /subscription/unsubscribe?token=… a page with a button
 * - POST /subscription/unsubscribe?token=… unsubscribes; also RFC 8058 one-click from mail clients
 * - GET  /forms/subscribers.csv            subscribers and consent records, editors only
 */
export function formPages(forms: FormsService): Plugin {
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    async onRequest({ request, url, endResponse }) {
      if (url.pathname === CONFIRM_PATH) endResponse(await confirmPage(forms, request, url));
      else if (url.pathname === UNSUBSCRIBE_PATH) endResponse(await unsubscribePage(forms, request, url));
      else if (url.pathname === SUBSCRIBERS_CSV_PATH) endResponse(await csvExport(request, forms.clock.now()));
    },
  };
}

async function confirmPage(forms: FormsService, request: Request, url: URL): Promise<Response> {
  if (request.method === "GET") {
    return buttonPage("Confirm your subscription", "Press the button to confirm your subscription.", CONFIRM_PATH, url.searchParams.get("token") ?? "", "Confirm my subscription");
  }
  if (request.method !== "POST") return methodNotAllowed();
  const token = (await formFields(request))?.get("token") ?? "";
  return answerPage("Subscription", () => confirmSubscription(forms, token));
}

async function unsubscribePage(forms: FormsService, request: Request, url: URL): Promise<Response> {
  const fromQuery = url.searchParams.get("token") ?? "";
  if (request.method === "GET") {
    return buttonPage("Unsubscribe", "Press the button to stop getting mail from this list.", UNSUBSCRIBE_PATH, fromQuery, "Unsubscribe");
  }
  if (request.method !== "POST") return methodNotAllowed();
  // One-click (RFC 8058) sends the token in the URL and List-Unsubscribe=One-Click as the body;
  // the page's own button sends it as a form field.
  const token = fromQuery || ((await formFields(request))?.get("token") ?? "");
  return answerPage("Unsubscribe", () => unsubscribe(forms, token));
}

async function csvExport(request: Request, now: Date): Promise<Response> {
  if (request.method !== "GET") return methodNotAllowed();
  const viewer = await viewerFromRequest(request, now);
  if (!isEditor(viewer)) {
    return new Response("This export needs an editor's API token: send Authorization: Bearer <token>\n", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8", "www-authenticate": "Bearer" },
    });
  }
  const lines = subscribersCsv(db());
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="subscribers-${now.toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}

/** The request's form fields; undefined for a body over FORM_BODY_MAX_BYTES, which is not read further. */
async function formFields(request: Request): Promise<URLSearchParams | undefined> {
  const body = await readBody(request, FORM_BODY_MAX_BYTES);
  return body && new URLSearchParams(Buffer.from(body).toString("utf8"));
}

async function answerPage(title: string, action: () => Promise<{ message: string }>): Promise<Response> {
  try {
    const { message } = await action();
    return page(200, title, `<p>${escapeHtml(message)}</p>`);
  } catch (error) {
    if (error instanceof DomainError && error.code === "BAD_USER_INPUT") {
      return page(400, title, `<p>${escapeHtml(error.message)}</p>`);
    }
    throw error;
  }
}

function buttonPage(title: string, text: string, action: string, token: string, button: string): Response {
  return page(
    200,
    title,
    `<p>${escapeHtml(text)}</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${escapeHtml(button)}</button>
</form>`,
  );
}

function methodNotAllowed(): Response {
  return new Response("Method not allowed\n", { status: 405, headers: { allow: "GET, POST", "content-type": "text/plain; charset=utf-8" } });
}

function page(status: number, title: string, bodyHtml: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>
<body style="font-family: sans-serif; max-width: 36em; margin: 3em auto; padding: 0 1em; line-height: 1.5">
<h1>${escapeHtml(title)}</h1>
${bodyHtml}
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      // The token is in this page's URL: it must not leak to other sites, nor the page be framed.
      "referrer-policy": "no-referrer",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      "x-content-type-options": "nosniff",
    },
  });
}
