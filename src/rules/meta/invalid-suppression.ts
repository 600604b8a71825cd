import { SUPPRESSION_ANNOTATION_PREFIX } from '../../core/manifest-contract';
import { defineRule } from '../rule';
import { Severity } from '../severity';
import { isValidSuppressionReason, MIN_SUPPRESSION_REASON_LENGTH } from '../suppression-reason';

export const INVALID_SUPPRESSION_ID = 'CG-META-001';

/**
 * A suppression must name a rule that exists and say why. Kept free of the catalogue import
 * (which lists this rule) by taking the known IDs at call time.
 */
export function invalidSuppression(knownRuleIds: () => ReadonlySet<string>) {
  return defineRule({
    id: INVALID_SUPPRESSION_ID,
    severity: Severity.ERROR,
    description: 'A suppression names an unknown rule or gives a reason shorter than 10 characters',
    fix: `Name an existing rule ID and give a reason of at least ${MIN_SUPPRESSION_REASON_LENGTH} characters`,
    manifestLevel: true,
    kinds: ['*'],
    check(model, report) {
      const known = knownRuleIds();
      for (const object of model.objects) {
        for (const [key, reason] of Object.entries(object.annotations)) {
          if (!key.startsWith(SUPPRESSION_ANNOTATION_PREFIX)) continue;
          const ruleId = key.slice(SUPPRESSION_ANNOTATION_PREFIX.length);
          const field = `metadata.annotations["${key}"]`;
          if (!known.has(ruleId)) {
            report({ object, field, value: ruleId, message: `suppression names an unknown rule; known rules are ${[...known].join(', ')}` });
          } else if (!isValidSuppressionReason(reason)) {
            report({ object, field, value: reason, message: `suppression reason must be at least ${MIN_SUPPRESSION_REASON_LENGTH} characters and say why the risk is accepted` });
          }
        }
      }
    },
  });
}
