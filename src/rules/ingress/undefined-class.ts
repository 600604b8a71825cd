import { defineRule } from '../rule';
import { Severity } from '../severity';

export const UNDEFINED_INGRESS_CLASS = defineRule({
  id: 'CG-INGRESS-004',
  severity: Severity.ERROR,
  description: 'An Ingress names an IngressClass that is defined nowhere (nothing would serve it)',
  fix: 'Route through a gateway of this app, or declare the class as existing outside it (RuleEngine.of(app).declareExternalIngressClass, or lint --external-class)',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass'],
  check(model, report) {
    const classes = new Set(model.ofKind('IngressClass').map((c) => c.name));
    for (const name of model.externalIngressClasses) classes.add(name);
    if (model.externalDefaultIngressClass !== undefined) classes.add(model.externalDefaultIngressClass);
    for (const object of model.ofKind('Ingress')) {
      const className = object.json.spec?.ingressClassName;
      if (className == null || classes.has(className)) continue;
      const known = [...classes].sort();
      report({
        object,
        field: 'spec.ingressClassName',
        value: className,
        message: `no IngressClass named "${className}" exists; available classes: ${known.length ? known.join(', ') : '(none)'}`,
      });
    }
  },
});
