import { MISSING_DISRUPTION_BUDGET } from './controller/missing-disruption-budget';
import { RETIRED_CONTROLLER } from './controller/retired-controller';
import { SNIPPETS_ALLOWED } from './controller/snippets-allowed';
import { TOO_FEW_CONTROLLER_REPLICAS } from './controller/too-few-replicas';
import { DUPLICATE_ELECTION_ID } from './gateway/duplicate-election-id';
import { DUPLICATE_OBJECT } from './gateway/duplicate-object';
import { INGRESS_WITHOUT_CLASS } from './gateway/ingress-without-class';
import { SHARED_CONTROLLER_VALUE } from './gateway/shared-controller-value';
import { UNSUPPORTED_ROUTE_OPTION } from './gateway/unsupported-route-option';
import { CLASS_FIELD_AND_ANNOTATION } from './ingress/class-conflict';
import { DUPLICATE_ROUTE } from './ingress/duplicate-route';
import { INVALID_INGRESS_BACKEND } from './ingress/invalid-backend';
import { INVALID_INGRESS_HOST } from './ingress/invalid-host';
import { INVALID_INGRESS_PATH } from './ingress/invalid-path';
import { LEGACY_CLASS_ANNOTATION } from './ingress/legacy-class-annotation';
import { SNIPPET_ANNOTATION } from './ingress/snippet-annotation';
import { TLS_WITHOUT_SECRET } from './ingress/tls-without-secret';
import { UNDEFINED_INGRESS_CLASS } from './ingress/undefined-class';
import { INVALID_CONTROLLER_VALUE } from './ingress-class/invalid-controller';
import { INVALID_CLASS_PARAMETERS } from './ingress-class/invalid-parameters';
import { MULTIPLE_DEFAULT_CLASSES } from './ingress-class/multiple-defaults';
import { INVALID_OBJECT_NAME } from './meta/invalid-object-name';
import { invalidSuppression } from './meta/invalid-suppression';
import { UNREACHABLE_BACKEND } from './network/unreachable-backend';
import { Rule } from './rule';
import { RuleInfo } from './rule-info';
import { INVALID_PORT } from './workload/invalid-port';
import { MISSING_RESOURCES } from './workload/missing-resources';
import { RESTRICTED_POD_SECURITY } from './workload/restricted-pod-security';
import { UNPINNED_IMAGE } from './workload/unpinned-image';

/** Every rule, in the order findings are reported. Add a rule: write its file, then list it here. */
export const ALL_RULES: readonly Rule[] = [
  invalidSuppression(() => knownRuleIds()),
  INVALID_OBJECT_NAME,
  INVALID_INGRESS_HOST,
  INVALID_INGRESS_PATH,
  INVALID_INGRESS_BACKEND,
  UNDEFINED_INGRESS_CLASS,
  DUPLICATE_ROUTE,
  LEGACY_CLASS_ANNOTATION,
  CLASS_FIELD_AND_ANNOTATION,
  SNIPPET_ANNOTATION,
  TLS_WITHOUT_SECRET,
  MULTIPLE_DEFAULT_CLASSES,
  INVALID_CONTROLLER_VALUE,
  INVALID_CLASS_PARAMETERS,
  RESTRICTED_POD_SECURITY,
  MISSING_RESOURCES,
  UNPINNED_IMAGE,
  INVALID_PORT,
  TOO_FEW_CONTROLLER_REPLICAS,
  MISSING_DISRUPTION_BUDGET,
  RETIRED_CONTROLLER,
  SNIPPETS_ALLOWED,
  UNREACHABLE_BACKEND,
  INGRESS_WITHOUT_CLASS,
  DUPLICATE_OBJECT,
  SHARED_CONTROLLER_VALUE,
  DUPLICATE_ELECTION_ID,
  UNSUPPORTED_ROUTE_OPTION,
];

let ids: ReadonlySet<string> | undefined;
function knownRuleIds(): ReadonlySet<string> {
  ids ??= new Set(ALL_RULES.map((r) => r.id));
  return ids;
}

/** The rule catalogue: every rule this library applies, for documentation and tooling. */
export class RuleCatalogue {
  /** Every rule, in report order. */
  public static all(): RuleInfo[] {
    return ALL_RULES.map(({ id, severity, description, fix, manifestLevel }) => ({ id, severity, description, fix, manifestLevel }));
  }

  /** True when a rule with this ID exists. */
  public static has(ruleId: string): boolean {
    return knownRuleIds().has(ruleId);
  }

  private constructor() {}
}
