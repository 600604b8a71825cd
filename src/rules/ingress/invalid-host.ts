import { checkIngressHost, checkTlsHost } from '../../core/validation';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const INVALID_INGRESS_HOST = defineRule({
  id: 'CG-INGRESS-001',
  severity: Severity.ERROR,
  description: 'An Ingress host is not a DNS name the API server accepts',
  fix: 'Use a lowercase DNS name such as "www.example.com", or a wildcard as the whole first label ("*.example.com"); no IP address, no port',
  manifestLevel: true,
  kinds: ['Ingress'],
  check(model, report) {
    for (const object of model.ofKind('Ingress')) {
      const rules: any[] = object.json.spec?.rules ?? [];
      // One host is one mistake: a rule host already reported is not reported again as a TLS host.
      const reported = new Set<string>();
      rules.forEach((rule, i) => {
        // An empty host means "any host" to the API server, like an omitted one.
        if (rule?.host === undefined || rule.host === '') return;
        const reason = checkIngressHost(String(rule.host));
        if (reason) {
          reported.add(String(rule.host));
          report({ object, field: `spec.rules[${i}].host`, value: rule.host, message: `host ${reason}` });
        }
      });
      const tls: any[] = object.json.spec?.tls ?? [];
      tls.forEach((entry, i) => (entry?.hosts ?? []).forEach((host: string, j: number) => {
        if (reported.has(String(host))) return;
        const reason = checkTlsHost(String(host));
        if (reason) report({ object, field: `spec.tls[${i}].hosts[${j}]`, value: host, message: `TLS host ${reason}` });
      }));
    }
  },
});
