import type { Tx } from "../db/transaction.ts";
import type { Author } from "../generated/prisma/client.ts";
import { codedError } from "../domain/errors.ts";
import { isEditor, type Viewer } from "../domain/viewer.ts";

/**
 * Vouching for people is the editorial desk's: assigning reviewers, listing medical reviewers and
 * editing what a person professionally is (credentials, the organisation flag, the profile). The
 * desk is an admin token or an editor token that acts for no one; a token that acts for a person
 * is that person's, and may never vouch for them, whatever its role.
 */
export function requireVouchingRights(viewer: Viewer, subjectAuthorIds: readonly number[], what: string): void {
  if (!isEditor(viewer)) throw codedError("UNAUTHENTICATED", "This operation needs a valid API token");
  if (viewer.role !== "admin" && viewer.authorId !== null) {
    throw codedError("FORBIDDEN", `Only admins and editor tokens that act for no one may ${what}`);
  }
  if (viewer.authorId !== null && subjectAuthorIds.includes(viewer.authorId)) {
    throw codedError("FORBIDDEN", `A token that acts for a person may not ${what} for that person`);
  }
}

export const REVIEWER_RULE = "a reviewer is a person (not an organisation) who holds a credential and is not an author of the article";

/** Why this person may not review this article medically ("is an organisation ..."), or null when they may. */
export async function reviewerIneligibility(
  tx: Tx,
  article: { id: number; authorId: number },
  reviewer: Pick<Author, "id" | "isOrganization">,
): Promise<string | null> {
  if (reviewer.isOrganization) return "is an organisation, not a person";
  if ((await tx.authorCredential.count({ where: { authorId: reviewer.id } })) === 0) {
    return "holds no credential (see Author.qualifications)";
  }
  const coAuthor = await tx.articleContributor.count({ where: { articleId: article.id, authorId: reviewer.id, role: "AUTHOR" } });
  if (article.authorId === reviewer.id || coAuthor > 0) return "is an author of the article";
  return null;
}
