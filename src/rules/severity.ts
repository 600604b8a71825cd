/** How a rule finding affects synthesis. */
export enum Severity {
  /** Fails `app.synth()`, `cdk8s synth` with the validation plugin, and `cdk8s-gateways lint` (exit 1). */
  ERROR = 'error',
  /** Reported once per synth and written to the report; never fails synthesis. */
  WARNING = 'warning',
}
