import { ANNOTATION_LEGACY_CLASS } from '../../core/manifest-contract';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** Controllers that select Ingresses only by the legacy annotation; for them it is the one way to bind. */
export const ANNOTATION_ONLY_CLASSES = new Set(['gce', 'gce-internal']);

export const LEGACY_CLASS_ANNOTATION = defineRule({
  id: 'CG-INGRESS-006',
  severity: Severity.WARNING,
  description: 'An Ingress uses the deprecated kubernetes.io/ingress.class annotation instead of spec.ingressClassName',
  fix: 'Set spec.ingressClassName and remove the annotation (GKE\'s gce and gce-internal classes are exempt: they read only the annotation)',
  manifestLevel: true,
  kinds: ['Ingress'],
  check(model, report) {
    for (const object of model.ofKind('Ingress')) {
      const value = object.annotations[ANNOTATION_LEGACY_CLASS];
      if (value === undefined || ANNOTATION_ONLY_CLASSES.has(value)) continue;
      if (object.json.spec?.ingressClassName !== undefined) continue; // CG-INGRESS-007 reports the conflict
      report({ object, field: `metadata.annotations["${ANNOTATION_LEGACY_CLASS}"]`, value, message: 'the annotation is deprecated since Kubernetes 1.18; spec.ingressClassName replaces it' });
    }
  },
});
