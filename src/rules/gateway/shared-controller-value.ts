import { argsOf } from '../facts/gateway';
import { controllerPodsForClass } from '../facts/known-controllers';
import { ManifestObject, PodTemplateRef } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/**
 * Traefik's IngressClass controller value is fixed (`traefik.io/ingress-controller`) for every instance; each instance
 * picks its own class by name with this flag, so Traefik classes may share the value.
 */
const CLASS_NAME_FLAG = '--providers.kubernetesingress.ingressclass=';

/** True when the workload serves only the classes it names, whatever their controller value. */
function selectsByClassName(pod: PodTemplateRef): boolean {
  return argsOf(pod.spec).some((a) => a.startsWith(CLASS_NAME_FLAG));
}

export const SHARED_CONTROLLER_VALUE = defineRule({
  id: 'CG-GATEWAY-001',
  severity: Severity.ERROR,
  description: 'Two IngressClasses share a spec.controller value while different in-cluster controllers serve them, so each controller also claims the other class\'s Ingresses',
  fix: 'Give every self-hosted controller its own controller value (ingress-nginx --controller-class, HAProxy --ingress.class); classes of one cloud controller (AWS ALB, AGIC) and of Traefik (selected by class name) may share one',
  manifestLevel: true,
  kinds: ['IngressClass', 'ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    const byValue = new Map<string, ManifestObject[]>();
    for (const cls of model.ofKind('IngressClass')) {
      const value = cls.json.spec?.controller;
      if (typeof value !== 'string') continue; // CG-CLASS-002 reports a missing value
      const list = byValue.get(value);
      if (list) list.push(cls);
      else byValue.set(value, [cls]);
    }
    for (const [value, classes] of byValue) {
      if (classes.length < 2) continue;
      // The distinct in-cluster workloads that serve any class of the group.
      const workloads = new Map<string, PodTemplateRef>();
      for (const cls of classes) {
        for (const pod of controllerPodsForClass(model, cls)) workloads.set(pod.object.ref, pod);
      }
      // No workload: a cloud or external controller serves the whole group, which is how those controllers work.
      if (workloads.size < 2) continue;
      if ([...workloads.values()].every(selectsByClassName)) continue;
      const [first, ...others] = classes;
      for (const cls of others) {
        report({
          object: cls,
          field: 'spec.controller',
          value,
          message: `${cls.refWithLocation} and ${first.refWithLocation} both have controller "${value}", and different controllers serve them `
            + `(${[...workloads.keys()].sort().join(', ')}); each claims the Ingresses of both classes`,
        });
      }
    }
  },
});
