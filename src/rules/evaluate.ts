import { Finding } from './finding';
import { INVALID_SUPPRESSION_ID } from './meta/invalid-suppression';
import { RULE_CRASHED, RULE_CRASHED_ID } from './meta/rule-crashed';
import { ClusterModel } from './model';
import { RuleReport } from './report';
import { Rule, Violation, show } from './rule';
import { Severity } from './severity';
import { isValidSuppressionReason } from './suppression-reason';

/** How `evaluate` treats a rule that throws. */
export interface EvaluateOptions {
  /**
   * Report it as a CG-META-004 finding and run the other rules (synth), instead of letting the exception through
   * (`lint` and the plugin, which report it as a tool failure naming the rule).
   * @default false
   */
  readonly crashAsFinding?: boolean;
}

/**
 * Runs every rule over the model once. Each rule indexes what it needs, so the whole pass is linear
 * in the number of objects. Suppressions are read from the objects' annotations, which is where both
 * `Suppressions.of(...)` (in an app) and hand-written YAML (for `lint`) record them.
 */
export function evaluate(model: ClusterModel, rules: readonly Rule[], extra: Finding[] = [], options: EvaluateOptions = {}): RuleReport {
  const findings: Finding[] = [...extra];
  for (const rule of rules) {
    try {
      checkRule(rule, model, findings);
    } catch (e) {
      if (!options.crashAsFinding) throw e;
      // A crashing rule is a bug here, not in the app: report it like any finding and let the other rules run.
      findings.push({
        ruleId: RULE_CRASHED_ID,
        severity: Severity.ERROR,
        message: `rule ${rule.id} crashed: ${e instanceof Error ? e.message : String(e)}`,
        fix: RULE_CRASHED.fix,
        field: rule.id,
        suppressed: false,
      });
    }
  }
  const ran = rules.map(({ id, severity, description, fix, manifestLevel }) => ({ id, severity, description, fix, manifestLevel }));
  return new RuleReport(findings, ran);
}

function checkRule(rule: Rule, model: ClusterModel, findings: Finding[]): void {
  rule.check(model, (v: Violation) => {
    // An invalid suppression cannot be suppressed, or one bad annotation could hide itself.
    const reason = rule.id === INVALID_SUPPRESSION_ID ? undefined : v.object.suppressionReason(rule.id);
    const suppressed = isValidSuppressionReason(reason);
    findings.push({
      ruleId: rule.id,
      severity: rule.severity,
      message: v.message,
      fix: rule.fix,
      constructPath: v.object.origin.constructPath,
      file: v.object.origin.file,
      documentIndex: v.object.origin.documentIndex,
      line: v.object.origin.line,
      apiVersion: v.object.apiVersion,
      kind: v.object.kind,
      namespace: v.object.namespace,
      name: v.object.name,
      field: v.field,
      value: show(v.value),
      suppressed,
      suppressionReason: suppressed ? reason.trim() : undefined,
    });
  });
}
