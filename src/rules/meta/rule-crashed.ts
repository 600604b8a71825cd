import { defineRule } from '../rule';
import { Severity } from '../severity';

export const RULE_CRASHED_ID = 'CG-META-004';

/**
 * A rule that throws on some input is a bug of this library, not of the app: `evaluate` turns the exception into
 * this finding (naming the rule and the error) and runs the other rules, so synth, the plugin and `lint` all report
 * it the same way, with no stack trace. Its findings come from `evaluate`, so the check itself has nothing to do.
 */
export const RULE_CRASHED = defineRule({
  id: RULE_CRASHED_ID,
  severity: Severity.ERROR,
  description: 'A rule crashed on these manifests (a bug in cdk8s-gateways); the other rules still ran',
  fix: 'Report the message (rule ID and error) to the cdk8s-gateways maintainers; every other rule still ran and reported its findings',
  manifestLevel: true,
  kinds: [],
  check() {},
});
