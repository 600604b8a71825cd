/**
 * What makes a suppression's reason acceptable. Its own module because both `evaluate` (which honours suppressions)
 * and the CG-META-001 rule (which reports bad ones) need it, and the evaluator imports that rule's ID.
 */

/** Shortest reason a suppression may carry: a reason must say why, not just "ok". */
export const MIN_SUPPRESSION_REASON_LENGTH = 10;

export function isValidSuppressionReason(reason: string | undefined): reason is string {
  return typeof reason === 'string' && reason.trim().length >= MIN_SUPPRESSION_REASON_LENGTH;
}
