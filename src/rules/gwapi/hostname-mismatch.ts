import { describeListener, GATEWAY_API_KINDS, gatewayApiFacts, hostnamesIntersect, listenerAcceptsKind, parentRefsOf, routeHostnames } from '../facts/gateway-api';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const ROUTE_HOSTNAME_MISMATCH = defineRule({
  id: 'CG-GWAPI-002',
  severity: Severity.ERROR,
  description: 'A route\'s hostnames intersect no listener its parentRef selects, so the parent does not accept the route',
  fix: 'Add a hostname the listener serves (an exact name under its wildcard, say), attach to the listener for these hostnames, or add a listener for them',
  manifestLevel: true,
  kinds: GATEWAY_API_KINDS,
  check(model, report) {
    const facts = gatewayApiFacts(model);
    for (const route of facts.routes) {
      const hostnames = routeHostnames(route);
      if (hostnames.length === 0) continue;
      for (const ref of parentRefsOf(route)) {
        // Listeners that would take this kind of route; a missing parent or section is CG-GWAPI-003's, a kind CG-GWAPI-004's.
        const listeners = facts.listenersOf(ref).listeners.filter((l) => listenerAcceptsKind(l, route.kind));
        if (listeners.length === 0) continue;
        if (listeners.some((l) => hostnames.some((h) => hostnamesIntersect(l.hostname, h)))) continue;
        report({
          object: route,
          field: 'spec.hostnames',
          value: hostnames,
          message: `no hostname of ${route.ref} intersects a listener of ${ref.kind} ${ref.namespace}/${ref.name}`
            + `${ref.sectionName !== undefined ? ` section "${ref.sectionName}"` : ''} (${ref.field}); listeners: `
            + `${listeners.map(describeListener).join('; ')}`,
        });
      }
    }
  },
});
