import { clientAddress, type ProxyTrust } from "../platform/http/client-address.ts";

/** Who sent a form, as far as the server can tell: kept with consent records and contact messages. */
export interface FormClient {
  /** A valid IP address, or "" when the request came without a connection. */
  ip: string;
  userAgent: string;
}

export function formClient(request: Request, serverContext: unknown, trust: ProxyTrust): FormClient {
  return {
    ip: clientAddress(request, serverContext, trust) ?? "",
    userAgent: (request.headers.get("user-agent") ?? "").slice(0, 500),
  };
}
