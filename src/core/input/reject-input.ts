import { IConstruct } from 'constructs';
import { describeValue } from './input-error';
import { AppContext } from '../app-context';

/**
 * Records that `scope` received a prop it can not use (CG-INPUT-001). Synth then fails listing every such
 * mistake of the app with its construct path, field, value and what would be accepted. The caller carries on
 * without the value, so later mistakes are found in the same synth.
 */
export function rejectInput(scope: IConstruct, field: string, value: unknown, message: string): void {
  AppContext.of(scope).recordInputError({ scope, field, value: describeValue(value), message });
}

/**
 * A prop mistake found where there is no construct to report it on yet (before `super()` in a constructor):
 * field, value received, message. Report them with `rejectInputs` once the construct exists.
 */
export type RejectedInput = [field: string, value: unknown, message: string];

/** Reports mistakes collected before `scope` existed (see `RejectedInput`). */
export function rejectInputs(scope: IConstruct, rejected: RejectedInput[]): void {
  for (const [field, value, message] of rejected) rejectInput(scope, field, value, message);
}
