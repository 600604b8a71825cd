import { controllerWorkloads } from '../facts/known-controllers';
import { ManifestObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const MIN_CONTROLLER_REPLICAS = 2;

export const TOO_FEW_CONTROLLER_REPLICAS = defineRule({
  id: 'CG-CONTROLLER-001',
  severity: Severity.ERROR,
  description: 'An ingress controller Deployment runs fewer than 2 replicas (counting its HorizontalPodAutoscaler minimum)',
  fix: 'Run at least 2 replicas: set replicas, or the autoscaler minReplicas, to 2 or more',
  manifestLevel: true,
  kinds: ['ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'HorizontalPodAutoscaler'],
  check(model, report) {
    const autoscalers = new Map<string, ManifestObject>();
    for (const hpa of model.ofKind('HorizontalPodAutoscaler')) {
      const target = hpa.json.spec?.scaleTargetRef;
      if (target) autoscalers.set(`${hpa.namespace}/${target.kind}/${target.name}`, hpa);
    }
    for (const { pod } of controllerWorkloads(model)) {
      const object = pod.object;
      if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') continue;
      const hpa = autoscalers.get(`${object.namespace}/${object.kind}/${object.name}`);
      if (hpa) {
        const min = hpa.json.spec?.minReplicas ?? 1;
        if (min < MIN_CONTROLLER_REPLICAS) {
          report({ object: hpa, field: 'spec.minReplicas', value: min, message: `the autoscaler may scale ${object.ref} down to ${min} replica; one node drain then drops all traffic` });
        }
        continue;
      }
      const replicas = object.json.spec?.replicas ?? 1;
      if (replicas < MIN_CONTROLLER_REPLICAS) {
        report({ object, field: 'spec.replicas', value: object.json.spec?.replicas, message: `${replicas} replica: one node drain or crash drops all traffic of this class` });
      }
    }
  },
});
