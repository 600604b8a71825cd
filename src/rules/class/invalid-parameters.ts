import { checkDns1123Label, checkDns1123Subdomain } from '../../core/validation';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const INVALID_CLASS_PARAMETERS = defineRule({
  id: 'CG-CLASS-003',
  severity: Severity.ERROR,
  description: 'IngressClass parameters are incomplete or contradict their scope',
  fix: 'Give kind and name; scope "Cluster" takes no namespace, scope "Namespace" requires one',
  manifestLevel: true,
  kinds: ['IngressClass'],
  check(model, report) {
    for (const object of model.ofKind('IngressClass')) {
      const params = object.json.spec?.parameters;
      if (!params) continue;
      const field = 'spec.parameters';
      if (!params.kind) report({ object, field: `${field}.kind`, value: params.kind, message: 'parameters need a kind' });
      if (!params.name) report({ object, field: `${field}.name`, value: params.name, message: 'parameters need a name' });
      if (params.apiGroup !== undefined && params.apiGroup !== '' && checkDns1123Subdomain(params.apiGroup)) {
        report({ object, field: `${field}.apiGroup`, value: params.apiGroup, message: 'apiGroup must be a DNS subdomain such as "elbv2.k8s.aws"' });
      }
      const scope = params.scope ?? 'Cluster';
      if (scope !== 'Cluster' && scope !== 'Namespace') {
        report({ object, field: `${field}.scope`, value: params.scope, message: 'scope must be "Cluster" or "Namespace"' });
      } else if (scope === 'Namespace' && !params.namespace) {
        report({ object, field: `${field}.namespace`, value: params.namespace, message: 'namespace is required when scope is "Namespace"' });
      } else if (scope === 'Cluster' && params.namespace !== undefined) {
        report({ object, field: `${field}.namespace`, value: params.namespace, message: 'namespace must not be set when scope is "Cluster"' });
      } else if (scope === 'Namespace' && checkDns1123Label(params.namespace)) {
        report({ object, field: `${field}.namespace`, value: params.namespace, message: `namespace ${checkDns1123Label(params.namespace)}` });
      }
    }
  },
});
