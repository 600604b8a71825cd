import { TRAEFIK_3_7_11_GATEWAY_API } from '../../controllers/facts/gateway-api-traefik-3.7.11';
import { GATEWAY_API_KINDS, gatewayApiFacts } from '../facts/gateway-api';
import { TRAEFIK_GATEWAY_CONTROLLER } from '../facts/traefik-gateway';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const TRAEFIK_LISTENER_SET = defineRule({
  id: 'CG-GWAPI-036',
  severity: Severity.ERROR,
  description: `A ListenerSet attaches to a Gateway whose class Traefik implements; Traefik ${TRAEFIK_3_7_11_GATEWAY_API.version} is built against `
    + `Gateway API ${TRAEFIK_3_7_11_GATEWAY_API.gatewayApiModule.value} and ignores ListenerSets, so their listeners and the routes on them are never served`,
  fix: 'Declare the hostnames as listeners of the Gateway itself, or serve the tenants through an implementation with ListenerSet support (Envoy Gateway v1.9)',
  manifestLevel: true,
  kinds: GATEWAY_API_KINDS,
  check(model, report) {
    const facts = gatewayApiFacts(model);
    const traefikClasses = new Set(facts.gatewayClasses.filter((c) => c.controllerName === TRAEFIK_GATEWAY_CONTROLLER).map((c) => c.name));
    for (const set of facts.listenerSets) {
      const className = set.parent?.className;
      if (className === undefined || !traefikClasses.has(className)) continue;
      report({
        object: set.object,
        field: 'spec.parentRef',
        value: set.parentRef,
        message: `ListenerSet ${set.object.ref} attaches to ${set.parent!.object.ref} of GatewayClass "${className}", which Traefik `
          + `(${TRAEFIK_GATEWAY_CONTROLLER}) implements: Traefik ${TRAEFIK_3_7_11_GATEWAY_API.version} does not read ListenerSets, so hostnames `
          + `${set.listeners.map((l) => `"${l.hostname ?? '*'}"`).join(', ')} are not served`,
      });
    }
  },
});
