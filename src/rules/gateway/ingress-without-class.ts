import { ANNOTATION_LEGACY_CLASS } from '../../labels';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const INGRESS_WITHOUT_CLASS = defineRule({
  id: 'CG-INGRESS-010',
  severity: Severity.ERROR,
  description: 'An Ingress names no class and no IngressClass is marked default, so no controller serves it',
  fix: 'Give the route a gateway (spec.ingressClassName) or mark one gateway defaultClass: true; if the cluster default class is defined outside these manifests, suppress with that reason',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass'],
  check(model, report) {
    // With several defaults the API server refuses the Ingress, and CG-CLASS-001 reports that.
    if (model.defaultIngressClasses().length > 0) return;
    const classes = [...new Set([...model.ofKind('IngressClass').map((c) => c.name), ...model.externalIngressClasses])].sort();
    for (const object of model.ofKind('Ingress')) {
      if (object.json.spec?.ingressClassName !== undefined || object.annotations[ANNOTATION_LEGACY_CLASS] !== undefined) continue;
      report({
        object,
        field: 'spec.ingressClassName',
        value: undefined,
        message: `the Ingress names no class and no IngressClass is the default, so no controller serves it; available classes: ${classes.length ? classes.join(', ') : '(none)'}`,
      });
    }
  },
});
