import { labelSelectorMatches, ManifestObject, podTemplateOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** Workload kinds with a replica count that a PodDisruptionBudget can be judged against. */
const SCALABLE_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];

/** `"25%"` → 25; undefined for anything else. */
function percent(value: unknown): number | undefined {
  const m = typeof value === 'string' ? /^(\d+)%$/.exec(value.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

/** The fewest replicas a workload may run: its autoscaler's minReplicas (default 1), else spec.replicas (default 1). */
function floorOf(workload: ManifestObject, autoscalers: Map<string, ManifestObject>): { replicas: number; source: string } {
  const hpa = autoscalers.get(`${workload.namespace}/${workload.kind}/${workload.name}`);
  if (hpa) return { replicas: Number(hpa.json.spec?.minReplicas ?? 1), source: `HorizontalPodAutoscaler ${hpa.name} minReplicas` };
  return { replicas: Number(workload.json.spec?.replicas ?? 1), source: 'replicas' };
}

export const BLOCKED_EVICTION = defineRule({
  id: 'CG-PDB-001',
  severity: Severity.WARNING,
  description: 'A PodDisruptionBudget allows no voluntary eviction at all (maxUnavailable 0 or 0%, minAvailable 100%, or minAvailable at least the replicas or the autoscaler minReplicas of the workload it selects), so node drains and cluster upgrades hang (Polaris pdbDisruptionsIsZero, pdbMinAvailableGreaterThanHPAMinReplicas)',
  fix: 'Allow at least one disruption: maxUnavailable 1, or minAvailable below the workload\'s replicas and its autoscaler minReplicas',
  manifestLevel: true,
  kinds: ['PodDisruptionBudget', 'HorizontalPodAutoscaler', ...SCALABLE_KINDS],
  check(model, report) {
    const budgets = model.ofKind('PodDisruptionBudget');
    if (budgets.length === 0) return;
    const autoscalers = new Map<string, ManifestObject>();
    for (const hpa of model.ofKind('HorizontalPodAutoscaler')) {
      const target = hpa.json.spec?.scaleTargetRef;
      if (target?.kind && target?.name) autoscalers.set(`${hpa.namespace}/${target.kind}/${target.name}`, hpa);
    }
    const workloadsByNs = new Map<string, ManifestObject[]>();
    for (const workload of model.ofKind(...SCALABLE_KINDS)) {
      const list = workloadsByNs.get(workload.namespace!) ?? [];
      list.push(workload);
      workloadsByNs.set(workload.namespace!, list);
    }

    for (const pdb of budgets) {
      const spec = pdb.json.spec ?? {};
      const { maxUnavailable, minAvailable } = spec;
      if (maxUnavailable !== undefined && (maxUnavailable === 0 || percent(maxUnavailable) === 0)) {
        report({ object: pdb, field: 'spec.maxUnavailable', value: maxUnavailable, message: 'no pod may ever be evicted, so every node drain selecting these pods waits forever' });
        continue;
      }
      if (minAvailable === undefined || minAvailable === null) continue;
      if (percent(minAvailable) !== undefined && percent(minAvailable)! >= 100) {
        report({ object: pdb, field: 'spec.minAvailable', value: minAvailable, message: 'every pod must stay available, so no pod may ever be evicted' });
        continue;
      }
      if (spec.selector === undefined || spec.selector === null) continue; // policy/v1: a missing selector selects nothing
      for (const workload of workloadsByNs.get(pdb.namespace!) ?? []) {
        const template = podTemplateOf(workload);
        if (!template || !labelSelectorMatches(spec.selector, template.labels)) continue;
        const floor = floorOf(workload, autoscalers);
        if (!(floor.replicas >= 1)) continue; // scaled to zero: nothing to evict
        const share = percent(minAvailable);
        // The eviction API rounds a percentage of minAvailable up.
        const required = share !== undefined ? Math.ceil((floor.replicas * share) / 100) : Number(minAvailable);
        if (!Number.isFinite(required) || required < floor.replicas) continue;
        report({
          object: pdb,
          field: 'spec.minAvailable',
          value: minAvailable,
          message: `${workload.ref} may run ${floor.replicas} pod(s) (${floor.source}) and the budget requires ${required} available, so no pod may be evicted at that size`,
        });
        break;
      }
    }
  },
});
