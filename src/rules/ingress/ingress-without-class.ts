import { ANNOTATION_LEGACY_CLASS } from '../../core/manifest-contract';
import { classlessServers, isGkeIngress } from '../facts/classless-controllers';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const INGRESS_WITHOUT_CLASS = defineRule({
  id: 'CG-INGRESS-010',
  severity: Severity.ERROR,
  description: 'An Ingress names no class, no IngressClass is marked default, and no controller in the manifests serves class-less Ingresses, so nothing serves it',
  fix: 'Give the route a gateway (spec.ingressClassName) or mark one gateway defaultClass: true; if the cluster default class is defined outside these manifests, pass lint --default-class NAME (plugin: defaultIngressClass)',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass', 'ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    // With several defaults the API server refuses the Ingress, and CG-CLASS-001 reports that.
    if (model.defaultIngressClasses().length > 0 || model.externalDefaultIngressClass !== undefined) return;
    const classless = model.ofKind('Ingress').filter((object) => object.json.spec?.ingressClassName == null
      && object.annotations[ANNOTATION_LEGACY_CLASS] === undefined && !isGkeIngress(object));
    // Traefik without a class filter, ingress-nginx watching class-less Ingresses, or GKE serve these.
    if (classless.length === 0 || classlessServers(model).length > 0) return;
    const classes = [...new Set([...model.ofKind('IngressClass').map((c) => c.name), ...model.externalIngressClasses])].sort();
    for (const object of classless) {
      report({
        object,
        field: 'spec.ingressClassName',
        value: undefined,
        message: `the Ingress names no class, no IngressClass is the default and no controller here serves class-less Ingresses, so nothing serves it; available classes: ${classes.length ? classes.join(', ') : '(none)'}`,
      });
    }
  },
});
