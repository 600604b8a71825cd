import { controllerWorkloads } from '../facts/known-controllers';
import { labelSelectorMatches } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const MISSING_DISRUPTION_BUDGET = defineRule({
  id: 'CG-CONTROLLER-002',
  severity: Severity.ERROR,
  description: 'An ingress controller Deployment, StatefulSet or ReplicaSet has no PodDisruptionBudget selecting its pods (DaemonSets are exempt: a drain does not evict their pods)',
  fix: 'Add a PodDisruptionBudget (policy/v1) with minAvailable 1 or maxUnavailable 1 whose selector matches the controller pods',
  manifestLevel: true,
  kinds: ['ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'PodDisruptionBudget'],
  check(model, report) {
    const budgets = model.ofKind('PodDisruptionBudget');
    for (const { pod } of controllerWorkloads(model)) {
      const object = pod.object;
      // kubectl drain skips DaemonSet pods (they would be recreated on the same node), so a budget there protects nothing.
      if (['Job', 'CronJob', 'Pod', 'DaemonSet'].includes(object.kind)) continue;
      const covered = budgets.some((pdb) => pdb.namespace === object.namespace
        && pdb.json.spec?.selector !== undefined
        && labelSelectorMatches(pdb.json.spec.selector, pod.labels));
      if (!covered) {
        report({ object, field: `${pod.specPath.replace(/\.spec$/, '')}.metadata.labels`, value: pod.labels, message: `no PodDisruptionBudget in namespace "${object.namespace}" selects these pods, so a node drain may evict every replica at once` });
      }
    }
  },
});
