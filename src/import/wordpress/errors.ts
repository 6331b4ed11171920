/** Why an import stopped before writing anything: printed as one line, `CODE: message`. */
export type ImportErrorCode = "WXR_MALFORMED" | "WXR_NOT_FOUND" | "BAD_OPTION";

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "ImportError";
  }
}
