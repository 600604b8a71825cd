import { IConstruct } from 'constructs';
import { defineRule, show } from '../rule';
import { Severity } from '../severity';

/**
 * Props a construct can not use. Constructs report them with `rejectInput` instead of throwing, so one synth
 * lists every mistake of the app, each with its construct path, and none comes with a stack trace.
 * The findings come from the constructs, not from manifests, so the check itself has nothing to do.
 */
export const INVALID_INPUT = defineRule({
  id: 'CG-INPUT-001',
  severity: Severity.ERROR,
  description: 'A construct received a prop value it can not use',
  fix: 'Change the prop as the message says, at the construct path and field named',
  manifestLevel: false,
  kinds: [],
  check() {},
});

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

export function describeValue(value: unknown): string {
  return show(value);
}
