import { REMOVED_INGRESS_API_VERSIONS } from '../facts/ingress';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const REMOVED_INGRESS_API = defineRule({
  id: 'CG-INGRESS-012',
  severity: Severity.ERROR,
  description: 'An Ingress or IngressClass uses an API version removed in Kubernetes 1.22 (extensions/v1beta1, networking.k8s.io/v1beta1), so the API server refuses it',
  fix: 'Move to networking.k8s.io/v1: backends become service.name and service.port.number|name, every path needs a pathType (ImplementationSpecific keeps the old behaviour), spec.backend becomes spec.defaultBackend',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass'],
  check(model, report) {
    for (const object of model.ofKind('Ingress', 'IngressClass')) {
      if (!REMOVED_INGRESS_API_VERSIONS.includes(object.apiVersion)) continue;
      report({
        object,
        field: 'apiVersion',
        value: object.apiVersion,
        message: `${object.apiVersion} ${object.kind} was removed in Kubernetes 1.22; only networking.k8s.io/v1 is served (the other rules read this object as the API server would have converted it)`,
      });
    }
  },
});
