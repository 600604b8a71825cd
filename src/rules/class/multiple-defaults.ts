import { ANNOTATION_DEFAULT_CLASS } from '../../core/manifest-contract';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const MULTIPLE_DEFAULT_CLASSES = defineRule({
  id: 'CG-CLASS-001',
  severity: Severity.ERROR,
  description: 'More than one IngressClass is marked as the default class',
  fix: 'Mark exactly one IngressClass with ingressclass.kubernetes.io/is-default-class: "true" (defaultClass on one gateway)',
  manifestLevel: true,
  kinds: ['IngressClass'],
  check(model, report) {
    const defaults = model.defaultIngressClasses();
    if (defaults.length < 2) return;
    const names = defaults.map((c) => `${c.name}${c.origin.constructPath ? ` (${c.origin.constructPath})` : ''}`).join(', ');
    for (const object of defaults) {
      report({
        object,
        field: `metadata.annotations["${ANNOTATION_DEFAULT_CLASS}"]`,
        value: 'true',
        message: `${defaults.length} IngressClasses are marked default: ${names}; the API server then refuses new Ingresses without a class`,
      });
    }
  },
});
