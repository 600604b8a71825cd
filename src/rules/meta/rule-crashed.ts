import { defineRule } from '../rule';
import { Severity } from '../severity';

export const RULE_CRASHED_ID = 'CG-META-004';

/**
 * A rule that throws on some input is a bug of this library, not of the app: in synth, `evaluate` turns the
 * exception into this finding (naming the rule and the error) and runs the other rules, so the app gets its report
 * and no stack trace. `lint` and the plugin report the same bug as a tool failure naming the rule (exit code 2).
 * Its findings come from `evaluate`, so the check itself has nothing to do.
 */
export const RULE_CRASHED = defineRule({
  id: RULE_CRASHED_ID,
  severity: Severity.ERROR,
  description: 'A rule crashed on these manifests (a bug in cdk8s-gateways); the other rules still ran',
  fix: 'Report the message (rule ID and error) to the cdk8s-gateways maintainers; every other rule still ran and reported its findings',
  manifestLevel: false,
  kinds: [],
  check() {},
});
