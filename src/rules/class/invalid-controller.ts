import { checkControllerValue } from '../../core/validation';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const INVALID_CONTROLLER_VALUE = defineRule({
  id: 'CG-CLASS-002',
  severity: Severity.ERROR,
  description: 'An IngressClass controller value is not a domain-prefixed path of at most 250 characters',
  fix: 'Use a value such as "k8s.io/ingress-nginx" or "example.com/ingress-controller"',
  manifestLevel: true,
  kinds: ['IngressClass'],
  check(model, report) {
    for (const object of model.ofKind('IngressClass')) {
      const value = object.json.spec?.controller;
      if (value === undefined) {
        report({ object, field: 'spec.controller', value, message: 'an IngressClass needs a controller value, or no controller will claim it' });
        continue;
      }
      const reason = checkControllerValue(String(value));
      if (reason) report({ object, field: 'spec.controller', value, message: `controller ${reason}` });
    }
  },
});
