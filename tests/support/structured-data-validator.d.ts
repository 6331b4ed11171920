declare module "@adobe/structured-data-validator" {
  export interface StructuredDataIssue {
    issueMessage: string;
    severity: "ERROR" | "WARNING";
    path?: { type?: string; property?: string; index?: number }[];
    fieldNames?: string[];
  }
  /** Google's rich-result rules; the schema.org vocabulary check runs only when one is given. */
  export default class Validator {
    constructor(schemaOrgJson?: unknown);
    validate(extracted: { jsonld?: Record<string, unknown[]> }): Promise<StructuredDataIssue[]>;
  }
}
