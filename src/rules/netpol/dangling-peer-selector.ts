import { groupBy, isObject, labelSelectorMatches, listOf, ManifestObject, PodTemplateRef, WORKLOAD_KINDS } from '../model';
import { defineRule, Violation } from '../rule';
import { Severity } from '../severity';
import { hasRequirements, selectsRuntimePods } from './policy-selects-nothing';

export const DANGLING_PEER_SELECTOR = defineRule({
  id: 'CG-NETPOL-003',
  severity: Severity.WARNING,
  description: 'A NetworkPolicy ingress "from" or egress "to" peer selects pods of its own namespace (podSelector without namespaceSelector) that no workload there has, so the rule admits nobody (kube-linter dangling-networkpolicypeer-podselector); namespaces without workloads here are not judged',
  fix: 'Make the peer podSelector match the pod template labels of the workload meant, or add a namespaceSelector when those pods live in another namespace',
  manifestLevel: true,
  kinds: ['NetworkPolicy', ...WORKLOAD_KINDS],
  check(model, report) {
    const policies = model.ofKind('NetworkPolicy');
    if (policies.length === 0) return;
    const podsByNs = groupBy(model.podTemplates(), (pod) => pod.object.namespace!);
    for (const policy of policies) {
      const pods = podsByNs.get(policy.namespace!);
      if (!pods) continue; // the namespace's workloads are deployed from elsewhere
      for (const direction of ['ingress', 'egress'] as const) {
        const peersKey = direction === 'ingress' ? 'from' : 'to';
        listOf(policy.json.spec?.[direction]).forEach((rule, r) => {
          listOf(rule?.[peersKey]).forEach((peer, p) => {
            const violation = danglingPeer(policy, peer, pods, `spec.${direction}[${r}].${peersKey}[${p}].podSelector`);
            if (violation) report(violation);
          });
        });
      }
    }
  },
});

function danglingPeer(policy: ManifestObject, peer: any, pods: PodTemplateRef[], field: string): Violation | undefined {
  if (!isObject(peer) || peer.namespaceSelector !== undefined || !isObject(peer.podSelector)) return undefined;
  const selector = peer.podSelector;
  if (!hasRequirements(selector)) return undefined;
  // Pods that controllers start at run time (cert-manager's HTTP-01 solvers) have no manifest.
  if (selectsRuntimePods(selector)) return undefined;
  if (pods.some((pod) => labelSelectorMatches(selector, pod.labels))) return undefined;
  return {
    object: policy,
    field,
    value: selector,
    message: `the peer selects pods of namespace ${policy.namespace}, and none of its ${pods.length} pod template(s) match (${pods.slice(0, 5).map((pod) => pod.object.ref).join(', ')}${pods.length > 5 ? ', ...' : ''})`,
  };
}
