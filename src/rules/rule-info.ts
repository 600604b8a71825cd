import { Severity } from './severity';

/** The public description of a rule: what the README table and the report list. */
export interface RuleInfo {
  /** Stable identifier, for example `CG-INGRESS-001`. Suppressions name it. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule catches. */
  readonly description: string;
  /** One line: how to fix a finding. */
  readonly fix: string;
  /**
   * True when the rule can be judged from manifests alone, so the `lint` command and
   * the `cdk8s synth` validation plugin apply it too.
   */
  readonly manifestLevel: boolean;
}
