import { controllerWorkloads } from '../facts/known-controllers';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const RETIRED_CONTROLLER = defineRule({
  id: 'CG-CONTROLLER-003',
  severity: Severity.WARNING,
  description: 'A workload runs an ingress controller that is retired upstream and gets no security fixes',
  fix: 'Plan a migration: IngressController.traefik() or IngressController.haproxy(), a cloud-managed class, or a Gateway API implementation',
  manifestLevel: true,
  kinds: ['ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    for (const { pod, controller, containerPath } of controllerWorkloads(model)) {
      if (!controller?.retired || !containerPath) continue;
      const image = pod.spec && containerPath ? lookup(pod.object.json, containerPath)?.image : undefined;
      report({ object: pod.object, field: `${containerPath}.image`, value: image, message: `${controller.retired}; alternatives: Traefik, HAProxy Ingress, a cloud load balancer class, or the Gateway API` });
    }
  },
});

function lookup(root: any, path: string): any {
  return path.split('.').reduce((node, part) => {
    const m = /^(\w+)\[(\d+)\]$/.exec(part);
    return m ? node?.[m[1]]?.[Number(m[2])] : node?.[part];
  }, root);
}
