import { defineRule } from '../rule';
import { Severity } from '../severity';

/**
 * Props a construct can not use. Constructs report them with `rejectInput` (src/core/input) instead of throwing, so
 * one synth lists every mistake of the app, each with its construct path, and none comes with a stack trace.
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
