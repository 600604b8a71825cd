/** Number checks for counts and limits that Kubernetes objects and controllers store as integers. */

export interface IntegerRange {
  /** Smallest accepted value. */
  readonly min: number;
  /**
   * Largest accepted value.
   * @default - no upper bound (the largest int32, as Kubernetes counts are int32)
   */
  readonly max?: number;
}

const INT32_MAX = 2 ** 31 - 1;

/** A whole number within `range` (Kubernetes int32 fields such as replicas reject fractions). */
export function checkInteger(value: number, range: IntegerRange): string | undefined {
  const max = range.max ?? INT32_MAX;
  if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a whole number from ${range.min} to ${max}`;
  if (value < range.min || value > max) return `must be a whole number from ${range.min} to ${max}`;
  return undefined;
}

/** Not empty and not only white space: a required string given as "" is a missing value. */
export function checkRequired(value: string): string | undefined {
  return typeof value !== 'string' || value.trim().length === 0 ? 'is required: give a non-empty value' : undefined;
}
