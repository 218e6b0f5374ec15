/**
 * GitHub's limits on what a step publishes, in one place: the renderers fit their output to them,
 * the GitHub edge refuses to send more.
 */

/** GitHub rejects comment bodies longer than this (characters). */
export const MAX_COMMENT_LENGTH = 65_536;

/**
 * The job summary of one step may be up to 1 MiB; we stay under a round million characters, so
 * that multi-byte characters do not push it over.
 */
export const MAX_SUMMARY_LENGTH = 1_000_000;

/** Warning annotations GitHub shows per step; it drops the rest silently. */
export const MAX_WARNINGS_PER_STEP = 10;
