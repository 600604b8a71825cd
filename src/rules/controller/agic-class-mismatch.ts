import { AGIC_1_9_8 } from '../../controllers/facts/agic-1.9.8';
import { ANNOTATION_AGIC_SERVED_CLASS } from '../../core/manifest-contract';
import { defineRule, show } from '../rule';
import { Severity } from '../severity';

/**
 * AGIC serves an Ingress only when its class has AGIC's controller value AND the class name the installation is
 * configured with (application-gateway-kubernetes-ingress 1.9.8, pkg/k8scontext/context.go IsIngressClass). Any
 * other class name: every route of the class is ignored.
 */
export const AGIC_CLASS_MISMATCH = defineRule({
  id: 'CG-CONTROLLER-005',
  severity: Severity.ERROR,
  description: 'An IngressClass with the Azure Application Gateway controller value has a name other than the class the AGIC installation serves, so AGIC ignores its Ingresses',
  fix: 'Name the gateway (className) after the class the AGIC installation serves (Helm kubernetes.ingressClassResource.name, default azure-application-gateway), '
    + 'or give IngressController.azureApplicationGateway({ className }) the installation\'s configured name',
  manifestLevel: true,
  kinds: ['IngressClass'],
  check(model, report) {
    for (const cls of model.ofKind('IngressClass')) {
      if (cls.json.spec?.controller !== AGIC_1_9_8.facts.controllerValue) continue;
      const served = cls.annotations[ANNOTATION_AGIC_SERVED_CLASS] ?? AGIC_1_9_8.facts.className;
      if (cls.name === served) continue;
      report({
        object: cls,
        field: 'metadata.name',
        value: cls.name,
        message: `AGIC serves only the class ${show(served)} with controller ${show(AGIC_1_9_8.facts.controllerValue)}; the Ingresses of class `
          + `${show(cls.name)} would be ignored`,
      });
    }
  },
});
