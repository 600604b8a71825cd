import { ANNOTATION_LEGACY_CLASS } from '../../core/manifest-contract';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const CLASS_FIELD_AND_ANNOTATION = defineRule({
  id: 'CG-INGRESS-007',
  severity: Severity.ERROR,
  description: 'An Ingress sets both spec.ingressClassName and the kubernetes.io/ingress.class annotation (the API server rejects it)',
  fix: 'Keep spec.ingressClassName and remove the annotation',
  manifestLevel: true,
  kinds: ['Ingress'],
  check(model, report) {
    for (const object of model.ofKind('Ingress')) {
      const annotation = object.annotations[ANNOTATION_LEGACY_CLASS];
      const field = object.json.spec?.ingressClassName;
      if (annotation === undefined || field === undefined) continue;
      report({
        object,
        field: `metadata.annotations["${ANNOTATION_LEGACY_CLASS}"]`,
        value: annotation,
        message: `the annotation can not be set when spec.ingressClassName ("${field}") is also set`,
      });
    }
  },
});
