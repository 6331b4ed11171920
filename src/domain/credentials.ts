export const CREDENTIAL_KINDS = ["DEGREE", "LICENSE", "CERTIFICATION"] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export const CONTRIBUTOR_ROLES = ["AUTHOR", "MEDICAL_REVIEWER", "FACT_CHECKER"] as const;
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

/** sameAs is stored as a JSON array of URLs. */
export function parseSameAs(stored: string | null | undefined): string[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}
