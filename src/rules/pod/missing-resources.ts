import { containersOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const MISSING_RESOURCES = defineRule({
  id: 'CG-POD-002',
  severity: Severity.ERROR,
  description: 'A container has no CPU request, memory request or memory limit',
  fix: 'Set resources.requests.cpu, resources.requests.memory and resources.limits.memory on every container',
  manifestLevel: true,
  kinds: ['ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    for (const pod of model.podTemplates()) {
      for (const { container, path } of containersOf(pod)) {
        const resources = container.resources ?? {};
        const missing = [
          resources.requests?.cpu === undefined ? 'requests.cpu' : undefined,
          resources.requests?.memory === undefined ? 'requests.memory' : undefined,
          resources.limits?.memory === undefined ? 'limits.memory' : undefined,
        ].filter(Boolean);
        if (missing.length) {
          report({ object: pod.object, field: `${path}.resources`, value: container.resources, message: `container "${container.name}" has no ${missing.join(', ')}` });
        }
      }
    }
  },
});
