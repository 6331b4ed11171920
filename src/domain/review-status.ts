export const REVIEW_STATUSES = ["NOT_REVIEWED", "IN_REVIEW", "REVIEWED", "REVIEW_OVERDUE"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ReviewState {
  requestedReviewerId: number | null;
  reviewedAt: Date | null;
  nextReviewDue: Date | null;
}

/**
 * A requested review is IN_REVIEW until approved; an approved one is REVIEWED until its next
 * review falls due at `now`, then REVIEW_OVERDUE.
 */
export function reviewStatus(state: ReviewState | null, now: Date): ReviewStatus {
  if (state?.requestedReviewerId != null) return "IN_REVIEW";
  if (!state?.reviewedAt) return "NOT_REVIEWED";
  if (state.nextReviewDue && state.nextReviewDue <= now) return "REVIEW_OVERDUE";
  return "REVIEWED";
}

/** `months` calendar months after `date` (UTC), clamped to the month's last day: Jan 31 + 1 = Feb 28/29. */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(date);
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}
