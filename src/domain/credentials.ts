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

/**
 * Designations that follow a name in a byline ("Jonathan Spitz, PsyD"): degrees, licences and
 * certifications common in health writing. Edit the list to recognise more.
 */
export const KNOWN_DESIGNATIONS = [
  "PhD", "PsyD", "MD", "DO", "EdD", "DrPH", "DNP", "DSW", "MA", "MS", "MSc", "MSW", "MPH", "MBA", "MEd", "MFT", "BA", "BS", "BSc", "BSN",
  "RN", "NP", "PA", "PA-C", "APRN", "LCSW", "LICSW", "LMSW", "LMFT", "LPC", "LPCC", "LMHC", "LCPC", "LCDC", "LADC", "CADC", "NCC",
  "BCBA", "CPRS", "RD", "RDN", "CDCES", "PharmD", "DPT", "OTR/L", "CCC-SLP", "FACP", "FAPA", "MRCPsych", "FRCPC", "Jr", "Sr",
] as const;

const DESIGNATIONS = new Set(KNOWN_DESIGNATIONS.map((designation) => designation.toLowerCase().replace(/\./g, "")));
const isDesignation = (part: string) => DESIGNATIONS.has(part.trim().toLowerCase().replace(/\./g, ""));

/**
 * Splits a display name into the name and the designations after it: "Jonathan Spitz, PsyD" →
 * { name: "Jonathan Spitz", credentials: "PsyD" }; "Smith, Jones & Co" stays a name (only known
 * designations split off).
 */
export function splitDisplayName(displayName: string): { name: string; credentials: string | null } {
  const parts = displayName.split(",").map((part) => part.trim());
  let cut = parts.length;
  while (cut > 1 && parts[cut - 1] !== "" && parts[cut - 1]!.split(/\s+/).every(isDesignation)) cut--;
  if (cut === parts.length) return { name: displayName.trim(), credentials: null };
  return { name: parts.slice(0, cut).join(", "), credentials: parts.slice(cut).join(", ") };
}
