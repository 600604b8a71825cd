import { HTTP01_SOLVER_POD_LABELS } from '../../core/manifest-contract';
import { groupBy, isObject, labelSelectorMatches, listOf, WORKLOAD_KINDS } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** Pods that controllers start at run time, so no manifest shows them; a policy for them is expected to select nothing here. */
export const RUNTIME_POD_LABELS: ReadonlyArray<Record<string, string>> = [HTTP01_SOLVER_POD_LABELS];

/** True for a selector with at least one requirement (an empty one matches every pod). */
export function hasRequirements(selector: any): boolean {
  return Object.keys(isObject(selector.matchLabels) ? selector.matchLabels : {}).length + listOf(selector.matchExpressions).length > 0;
}

/** Does the selector require one of these label keys (matchLabels, or an In/Exists expression)? */
export function namesAnyKey(selector: any, keys: string[]): boolean {
  const matchLabels = isObject(selector.matchLabels) ? Object.keys(selector.matchLabels) : [];
  const expressions = listOf(selector.matchExpressions).filter((e) => isObject(e) && (e.operator === 'In' || e.operator === 'Exists')).map((e) => e.key);
  return keys.some((key) => matchLabels.includes(key) || expressions.includes(key));
}

/** Does the selector ask for pods that controllers start at run time (cert-manager's HTTP-01 solvers)? */
export function selectsRuntimePods(selector: any): boolean {
  return RUNTIME_POD_LABELS.some((labels) => namesAnyKey(selector, Object.keys(labels)) && labelSelectorMatches(selector, labels));
}

export const POLICY_SELECTS_NOTHING = defineRule({
  id: 'CG-NETPOL-002',
  severity: Severity.WARNING,
  description: 'A NetworkPolicy podSelector matches no pod of any workload in its namespace, so it protects and admits nothing (often a typo in podSelector or the wrong namespace); empty selectors and cert-manager HTTP-01 solver pods are exempt',
  fix: "Make spec.podSelector match the pod template labels of a workload in the policy's namespace, move the policy to the workload's namespace, or delete it",
  manifestLevel: true,
  kinds: ['NetworkPolicy', ...WORKLOAD_KINDS],
  check(model, report) {
    const policies = model.ofKind('NetworkPolicy');
    if (policies.length === 0) return;
    const podsByNs = groupBy(model.podTemplates(), (pod) => pod.object.namespace!);
    for (const policy of policies) {
      const selector = isObject(policy.json.spec?.podSelector) ? policy.json.spec.podSelector : {};
      // An empty selector is a namespace-wide baseline (default-deny, DNS): it applies to whatever pods come.
      if (!hasRequirements(selector)) continue;
      // cert-manager's HTTP-01 solver pods and the like exist only while the controller needs them: exempt selectors that ask for them.
      if (selectsRuntimePods(selector)) continue;
      const pods = podsByNs.get(policy.namespace!) ?? [];
      if (pods.some((pod) => labelSelectorMatches(selector, pod.labels))) continue;
      report({
        object: policy,
        field: 'spec.podSelector',
        value: selector,
        message: pods.length === 0
          ? `namespace ${policy.namespace} has no workload in these manifests, so the policy selects no pods`
          : `the selector matches none of the ${pods.length} pod template(s) in namespace ${policy.namespace} (${pods.map((p) => p.object.ref).join(', ')})`,
      });
    }
  },
});
