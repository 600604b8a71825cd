import { hostAllowed } from '../../core/host-allowance';
import { ANNOTATION_ALLOWED_HOSTS } from '../../core/manifest-contract';
import { listed, tenantAllowances, tenantRef } from '../facts/tenant';
import { isObject, listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const HOST_OUTSIDE_TENANT = defineRule({
  id: 'CG-TENANT-001',
  severity: Severity.ERROR,
  description: `An Ingress serves a host outside its namespace's allowance (the ${ANNOTATION_ALLOWED_HOSTS} annotation a Tenant writes), so one tenant could take another's traffic`,
  fix: "Route only hosts the tenant may serve, or add the host to the tenant's hosts (exact, or a *.suffix pattern); a rule without a host or a default backend claims every host and is never allowed",
  manifestLevel: true,
  kinds: ['Namespace', 'Ingress'],
  check(model, report) {
    const allowances = tenantAllowances(model);
    if (allowances.size === 0) return;
    for (const ingress of model.ofKind('Ingress')) {
      const allowance = allowances.get(ingress.namespace!);
      if (!allowance?.hosts) continue;
      const hosts = allowance.hosts;
      const reject = (field: string, value: unknown, host: string) => report({
        object: ingress,
        field,
        value,
        message: `${tenantRef(allowance)} may not serve host ${host}: its allowed hosts are ${listed(hosts)}`,
      });
      const spec = ingress.json.spec;
      if (isObject(spec?.defaultBackend)) reject('spec.defaultBackend', spec.defaultBackend, '"*" (a default backend receives requests for every host)');
      listOf(spec?.rules).forEach((rule, r) => {
        if (!isObject(rule)) return;
        const host = typeof rule.host === 'string' ? rule.host : '';
        if (host === '') reject(`spec.rules[${r}].host`, rule.host, '"*" (a rule without a host receives requests for every host)');
        else if (!hostAllowed(host, hosts)) reject(`spec.rules[${r}].host`, host, `"${host}"`);
      });
      // A TLS entry for a foreign host lets the controller present this tenant's certificate for it.
      listOf(spec?.tls).forEach((tls, t) => {
        if (!isObject(tls)) return;
        listOf(tls.hosts).forEach((host, h) => {
          if (typeof host === 'string' && !hostAllowed(host, hosts)) reject(`spec.tls[${t}].hosts[${h}]`, host, `"${host}" (TLS)`);
        });
      });
    }
  },
});
