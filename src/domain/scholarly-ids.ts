import { badInput } from "./errors.ts";

// A DOI is "10.", a registrant code of digits (dot-separated sub-codes allowed), "/" and a
// suffix of printable characters (DOI Handbook 2.2). Resolver prefixes and "doi:" are accepted
// and dropped; DOIs are case-insensitive, so they are stored in lower case.
const DOI = /^10\.\d{4,9}(?:\.\d+)*\/[\x21-\x7e\u00a0-\uffff]+$/;
const DOI_PREFIX = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i;
// PubMed ids are positive integers (8 digits today).
const PMID = /^[1-9]\d{0,8}$/;
const PMID_PREFIX = /^pmid:\s*/i;
const UNSAFE_IN_DOI = /["<>\\^`{|}]/;

/** The DOI in canonical form, or BAD_USER_INPUT naming the field. */
export function normalizeDoi(input: string, field: string): string {
  const doi = input.trim().replace(DOI_PREFIX, "");
  if (!DOI.test(doi) || UNSAFE_IN_DOI.test(doi)) {
    throw badInput(`"${field}" must be a DOI such as 10.1037/a0022186`, { field });
  }
  return doi.toLowerCase();
}

/** The PubMed id as digits, or BAD_USER_INPUT naming the field. */
export function normalizePmid(input: string, field: string): string {
  const pmid = input.trim().replace(PMID_PREFIX, "");
  if (!PMID.test(pmid)) throw badInput(`"${field}" must be a PubMed id: digits only, such as 21401273`, { field });
  return pmid;
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split("/").map(encodeURIComponent).join("/")}`;
}

export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
}
