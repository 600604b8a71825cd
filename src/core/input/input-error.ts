import { IConstruct } from 'constructs';

/** One rejected prop, as recorded by `rejectInput`. */
export interface InputError {
  readonly scope: IConstruct;
  readonly field: string;
  /** The value received, JSON-encoded. */
  readonly value: string;
  readonly message: string;
}

/**
 * Thrown by static factories that have no construct to report against (for example `CloudProvider.of`).
 * Its stack is its message: a usage mistake deserves a precise sentence, not a trace.
 */
export class InvalidInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
    this.stack = `${this.name}: ${message}`;
  }
}

/** A received value as findings show it: JSON, or `(unset)`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '(unset)';
  return JSON.stringify(value);
}
