import { Finding } from './finding';
import { INVALID_SUPPRESSION_ID } from './meta/invalid-suppression';
import { ClusterModel } from './model';
import { RuleReport } from './report';
import { Rule, Violation, show } from './rule';

/** Shortest reason a suppression may carry: a reason must say why, not just "ok". */
export const MIN_SUPPRESSION_REASON_LENGTH = 10;

export function isValidSuppressionReason(reason: string | undefined): reason is string {
  return typeof reason === 'string' && reason.trim().length >= MIN_SUPPRESSION_REASON_LENGTH;
}

/**
 * Runs every rule over the model once. Each rule indexes what it needs, so the whole pass is linear
 * in the number of objects. Suppressions are read from the objects' annotations, which is where both
 * `Suppressions.of(...)` (in an app) and hand-written YAML (for `lint`) record them.
 */
export function evaluate(model: ClusterModel, rules: readonly Rule[], extra: Finding[] = []): RuleReport {
  const findings: Finding[] = [...extra];
  for (const rule of rules) {
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
  const ran = rules.map(({ id, severity, description, fix, manifestLevel }) => ({ id, severity, description, fix, manifestLevel }));
  return new RuleReport(findings, ran);
}
