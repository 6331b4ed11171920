import type { Plugin } from "graphql-yoga";
import type { Logger } from "../../platform/logging.ts";
import { errorResponse } from "../../platform/http/error-response.ts";

const internalError = () => errorResponse(500, "INTERNAL_SERVER_ERROR", "Unexpected error.");

/**
 * The plugins, each route's and hook's exceptions caught: whatever escapes a plugin's onRequest
 * or onResponse, or Yoga's own handling, is answered with a coded JSON INTERNAL_SERVER_ERROR and
 * its stack logged here only (otherwise the server adapter answers 500 with the stack as text).
 */
export function withLastResort(plugins: Plugin[], logger: Logger): Plugin[] {
  const report = (request: Request, error: unknown) =>
    logger.error(`Unexpected error while answering ${request.method} ${new URL(request.url).pathname}:`, error);
  const handlerGuard: Plugin = {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    onRequest({ requestHandler, setRequestHandler }) {
      setRequestHandler(async (request, context) => {
        try {
          return await requestHandler(request, context);
        } catch (error) {
          report(request, error);
          return internalError();
        }
      });
    },
  };
  const guarded = plugins.map((plugin): Plugin => {
    const { onRequest, onResponse } = plugin;
    return {
      ...plugin,
      ...(onRequest && {
        async onRequest(payload) {
          try {
            await onRequest.call(plugin, payload);
          } catch (error) {
            report(payload.request, error);
            payload.endResponse(internalError());
          }
        },
      }),
      ...(onResponse && {
        async onResponse(payload) {
          try {
            await onResponse.call(plugin, payload);
          } catch (error) {
            report(payload.request, error);
            payload.setResponse(internalError());
          }
        },
      }),
    };
  });
  return [handlerGuard, ...guarded];
}
