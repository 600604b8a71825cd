import { Severity } from './severity';

/** One rule violation, as written to the report and printed at synth. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** What is wrong and what would be accepted. */
  readonly message: string;
  readonly fix: string;
  /** Construct path of the offending object, when it came from a cdk8s app. */
  readonly constructPath?: string;
  /** File and zero-based document index, when it came from YAML. */
  readonly file?: string;
  readonly documentIndex?: number;
  /** One-based line where the object's document starts in `file`, when known. */
  readonly line?: number;
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  /** JSON path of the offending field. */
  readonly field?: string;
  /** The offending value, JSON-encoded; `(unset)` when the field is absent. */
  readonly value?: string;
  /** True when a suppression with a reason accepts this finding. */
  readonly suppressed: boolean;
  readonly suppressionReason?: string;
}
