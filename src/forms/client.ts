/** Who sent a form, as far as the server can tell: kept with consent records and contact messages. */
export interface FormClient {
  ip: string;
  userAgent: string;
}

/**
 * The client's address is the socket's peer, or with TRUST_PROXY (behind a reverse proxy that
 * sets it) the first address in X-Forwarded-For.
 */
export function formClient(request: Request, socketAddress: string | undefined, trustProxy: boolean): FormClient {
  const forwarded = trustProxy ? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  return {
    ip: (forwarded || socketAddress || "unknown").slice(0, 64),
    userAgent: (request.headers.get("user-agent") ?? "").slice(0, 500),
  };
}
