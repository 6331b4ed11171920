/**
 * Demo trust data: who the people are professionally, and the medical review, fact check,
 * sources and correction of the seed article. Plain data; src/seed/demo-trust.ts loads it.
 * The citations are real publications on the therapeutic alliance.
 */
import type { CredentialKind, ContributorRole } from "../../src/domain/credentials.ts";

export interface DemoCredential {
  kind: CredentialKind;
  category: string;
  name: string;
  issuer: string | null;
  region: string | null;
}

export interface DemoPerson {
  authorSlug: string;
  jobTitle: string | null;
  sameAs: string[];
  conflictOfInterest: string | null;
  qualifications: DemoCredential[];
}

export interface DemoCitation {
  title: string;
  authors: string;
  journal: string;
  year: number;
  doi: string;
  url: string | null;
}

export interface DemoArticleTrust {
  articleSlug: string;
  contributors: { authorSlug: string; role: ContributorRole }[];
  /** ISO 8601 UTC */
  reviewedAt: string;
  nextReviewDue: string;
  factCheckedAt: string;
  disclaimer: string;
  citations: DemoCitation[];
  corrections: { at: string; text: string }[];
}

export const demoPeople: DemoPerson[] = [
  {
    authorSlug: "jonathan-spitz",
    jobTitle: "Clinical Psychologist",
    sameAs: ["https://www.spitzpsych.com/"],
    conflictOfInterest: "Dr. Spitz provides psychotherapy in private practice.",
    qualifications: [
      { kind: "DEGREE", category: "PsyD", name: "Doctor of Psychology", issuer: null, region: null },
      {
        kind: "LICENSE",
        category: "Licensed Psychologist",
        name: "Clinical Psychologist licence",
        issuer: "Illinois Department of Financial and Professional Regulation",
        region: "Illinois, US",
      },
      {
        kind: "LICENSE",
        category: "Licensed Psychologist",
        name: "Psychologist licence",
        issuer: "New York State Education Department, Office of the Professions",
        region: "New York, US",
      },
    ],
  },
  {
    authorSlug: "maya-okafor",
    jobTitle: "Psychiatrist",
    sameAs: [],
    conflictOfInterest: null,
    qualifications: [
      { kind: "DEGREE", category: "MD", name: "Doctor of Medicine", issuer: null, region: null },
      {
        kind: "CERTIFICATION",
        category: "Board Certified Psychiatrist",
        name: "Board certification in Psychiatry",
        issuer: "American Board of Psychiatry and Neurology",
        region: "US",
      },
    ],
  },
  {
    authorSlug: "daniel-reyes",
    jobTitle: "Clinical Social Worker",
    sameAs: [],
    conflictOfInterest: null,
    qualifications: [{ kind: "LICENSE", category: "LCSW", name: "Licensed Clinical Social Worker", issuer: null, region: null }],
  },
];

export const demoArticleTrust: DemoArticleTrust[] = [
  {
    articleSlug: "the-therapeutic-relationship",
    contributors: [
      { authorSlug: "maya-okafor", role: "MEDICAL_REVIEWER" },
      { authorSlug: "arp-staff", role: "FACT_CHECKER" },
    ],
    reviewedAt: "2025-09-15T10:00:00.000Z",
    nextReviewDue: "2027-09-15T10:00:00.000Z",
    factCheckedAt: "2025-09-10T09:00:00.000Z",
    disclaimer:
      "This article is for general information and is not a substitute for professional care. If you are in crisis, contact a licensed professional or your local emergency services.",
    citations: [
      {
        title: "The alliance in adult psychotherapy: A meta-analytic synthesis",
        authors: "Flückiger C, Del Re AC, Wampold BE, Horvath AO",
        journal: "Psychotherapy",
        year: 2018,
        doi: "10.1037/pst0000172",
        url: null,
      },
      {
        title: "Relation of the therapeutic alliance with outcome and other variables: a meta-analytic review",
        authors: "Martin DJ, Garske JP, Davis MK",
        journal: "Journal of Consulting and Clinical Psychology",
        year: 2000,
        doi: "10.1037/0022-006X.68.3.438",
        url: null,
      },
      {
        title: "How important are the common factors in psychotherapy? An update",
        authors: "Wampold BE",
        journal: "World Psychiatry",
        year: 2015,
        doi: "10.1002/wps.20238",
        url: null,
      },
    ],
    corrections: [
      {
        at: "2020-01-15T09:00:00.000Z",
        text: "Clarified that the therapeutic relationship is the factor most often cited in studies of what makes therapy work, not the only one.",
      },
    ],
  },
];
