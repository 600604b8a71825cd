import { hostAllowed } from '../../core/host-allowance';
import { ANNOTATION_ALLOWED_HOSTS } from '../../core/manifest-contract';
import { describeListener, GATEWAY_API_KINDS, gatewayApiFacts, ListenerFact } from '../facts/gateway-api';
import { listed, tenantAllowances, tenantRef } from '../facts/tenant';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const TENANT_ON_OPEN_LISTENER = defineRule({
  id: 'CG-GWAPI-009',
  severity: Severity.ERROR,
  description: `A Gateway or ListenerSet listener without a hostname, or with a hostname outside a tenant's allowed hosts (the ${ANNOTATION_ALLOWED_HOSTS} `
    + 'annotation), admits routes from that tenant\'s namespace, so the tenant can claim hosts it does not own on that listener and the cluster does not stop it',
  fix: 'Admit tenant namespaces only on listeners whose hostname is one of the tenant\'s hosts (a ListenerSet of the tenant, or a listener per host with a '
    + 'namespace selector); keep listeners without a hostname (the HTTPS redirect, cert-manager\'s HTTP-01 routes) to the platform\'s namespace',
  manifestLevel: true,
  kinds: GATEWAY_API_KINDS,
  check(model, report) {
    const allowances = [...tenantAllowances(model).values()].filter((a) => a.hosts !== undefined);
    if (allowances.length === 0) return;
    const facts = gatewayApiFacts(model);
    const listeners: ListenerFact[] = [...facts.gateways.flatMap((g) => g.listeners), ...facts.listenerSets.flatMap((s) => s.listeners)];
    for (const listener of listeners) {
      if (listener.allowedKinds.length === 0) continue;
      const owner = listener.owner;
      for (const allowance of allowances) {
        const tenantNamespace = allowance.namespace.name;
        // A tenant's own ListenerSet with a foreign host is CG-TENANT-001's.
        if (owner.kind === 'ListenerSet' && owner.namespace === tenantNamespace) continue;
        if (listener.hostname !== undefined && hostAllowed(listener.hostname, allowance.hosts!)) continue;
        // The tenant's Namespace is in the manifests, so its labels are known: a selector is judged, not guessed.
        if (facts.admits(listener.allowedNamespaces, tenantNamespace, owner.namespace!) !== true) continue;
        const claim = listener.hostname === undefined ? 'any host (the listener has no hostname)' : `host "${listener.hostname}"`;
        report({
          object: owner,
          field: `${listener.field}.allowedRoutes.namespaces`,
          value: { hostname: listener.hostname ?? null, admits: tenantNamespace },
          message: `${describeListener(listener)} admits routes from namespace "${tenantNamespace}" of ${tenantRef(allowance)}, whose allowed hosts are `
            + `${listed(allowance.hosts!)}: a route there can claim ${claim} on it`,
        });
      }
    }
  },
});
