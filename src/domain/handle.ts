/**
 * The one rule for featured slot and menu location names ("sidebar", "footer-links"): lowercase
 * ASCII letters and digits joined by single hyphens or underscores. Names reach cache keys and
 * from there the Surrogate-Key and xkey headers, so nothing else may enter.
 */
export const HANDLE_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
export const HANDLE_MAX_LENGTH = 50;

