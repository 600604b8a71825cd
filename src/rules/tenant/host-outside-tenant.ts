import { hostAllowed } from '../../core/host-allowance';
import { ANNOTATION_ALLOWED_HOSTS } from '../../core/manifest-contract';
import { gatewayApiFacts, gatewayApiObjects, parentRefsOf, ROUTE_KINDS } from '../facts/gateway-api';
import { listed, TenantAllowance, tenantAllowances, tenantRef } from '../facts/tenant';
import { isObject, listOf, ManifestObject } from '../model';
import { defineRule, Violation } from '../rule';
import { Severity } from '../severity';

export const HOST_OUTSIDE_TENANT = defineRule({
  id: 'CG-TENANT-001',
  severity: Severity.ERROR,
  description: `An Ingress, Gateway API route or ListenerSet serves a host outside its namespace's allowance (the ${ANNOTATION_ALLOWED_HOSTS} annotation a Tenant writes), so one tenant could take another's traffic`,
  fix: "Route only hosts the tenant may serve, or add the host to the tenant's hosts (exact, or a *.suffix pattern); a rule without a host or a default backend claims every host and is never allowed",
  manifestLevel: true,
  kinds: ['Namespace', 'Ingress', 'ListenerSet', ...ROUTE_KINDS],
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
    // A tenant's ListenerSet listeners: one without a hostname accepts every host.
    for (const set of gatewayApiFacts(model).listenerSets) {
      const allowance = allowances.get(set.namespace);
      if (!allowance?.hosts) continue;
      for (const { field, hostname } of set.listeners) {
        if (hostname !== undefined && hostAllowed(hostname, allowance.hosts)) continue;
        report({
          object: set.object,
          field: `${field}.hostname`,
          value: hostname,
          message: `${tenantRef(allowance)} may not serve host ${hostname === undefined ? '"*" (a listener without a hostname accepts every host)' : `"${hostname}"`}: `
            + `its allowed hosts are ${listed(allowance.hosts)}`,
        });
      }
    }
    for (const kind of ROUTE_KINDS) {
      for (const object of gatewayApiObjects(model, kind)) {
        const allowance = allowances.get(object.namespace!);
        if (allowance?.hosts) checkRouteHostnames(object, allowance, allowance.hosts, report);
      }
    }
  },
});

/**
 * An HTTPRoute's or GRPCRoute's hostnames against the tenant's hosts. A route without hostnames takes its listeners' hostnames, so it
 * claims foreign hosts only through a parent outside its namespace (a Gateway's listener): reported as "*" then.
 */
function checkRouteHostnames(object: ManifestObject, allowance: TenantAllowance, hosts: string[], report: (violation: Violation) => void): void {
  const reject = (field: string, value: unknown, host: string) => report({
    object, field, value, message: `${tenantRef(allowance)} may not serve host ${host}: its allowed hosts are ${listed(hosts)}`,
  });
  if (object.kind !== 'HTTPRoute' && object.kind !== 'GRPCRoute') return; // TLS/TCP/UDP routes: their listener's hostname decides
  const hostnames = listOf(object.json.spec?.hostnames);
  if (hostnames.length === 0) {
    const foreignParent = parentRefsOf(object).some((ref) => ref.kind !== 'ListenerSet' || ref.namespace !== object.namespace);
    if (foreignParent) reject('spec.hostnames', object.json.spec?.hostnames, '"*" (a route without hostnames takes every host of its parent\'s listeners)');
    return;
  }
  hostnames.forEach((hostname, i) => {
    if (typeof hostname === 'string' && !hostAllowed(hostname, hosts)) reject(`spec.hostnames[${i}]`, hostname, `"${hostname}"`);
  });
}
