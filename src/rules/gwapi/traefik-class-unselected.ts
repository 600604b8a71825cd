import { GATEWAY_API_KINDS, gatewayApiFacts } from '../facts/gateway-api';
import { servesClass, TRAEFIK_GATEWAY_CONTROLLER, traefikGatewayServers } from '../facts/traefik-gateway';
import { WORKLOAD_KINDS } from '../model';
import { defineRule, show } from '../rule';
import { Severity } from '../severity';

export const TRAEFIK_CLASS_UNSELECTED = defineRule({
  id: 'CG-GWAPI-037',
  severity: Severity.WARNING,
  description: 'A GatewayClass claimed by Traefik is selected by none of the Traefik deployments in the manifests (their '
    + '--providers.kubernetesgateway.labelselector does not match its labels), so unless a Traefik deployed elsewhere serves it, its Gateways are not served',
  fix: 'Give the GatewayClass the labels its Traefik selects (this library: gateways.cdk8s.io/gateway-class: <instance>), or fix the Traefik\'s label selector',
  manifestLevel: true,
  kinds: [...GATEWAY_API_KINDS, ...WORKLOAD_KINDS],
  check(model, report) {
    const servers = traefikGatewayServers(model);
    if (servers.length === 0) return;
    for (const gatewayClass of gatewayApiFacts(model).gatewayClasses.filter((c) => c.controllerName === TRAEFIK_GATEWAY_CONTROLLER)) {
      // A selector these rules can not read might select the class: no finding then.
      if (servers.some((s) => servesClass(s, gatewayClass.object.labels) !== false)) continue;
      report({
        object: gatewayClass.object,
        field: 'metadata.labels',
        value: gatewayClass.object.labels,
        message: `GatewayClass "${gatewayClass.name}" with labels ${show(gatewayClass.object.labels)} is selected by no Traefik in the manifests: `
          + servers.map((s) => `${s.pod.object.ref} selects ${show(s.classSelector)}`).join('; '),
      });
    }
  },
});
