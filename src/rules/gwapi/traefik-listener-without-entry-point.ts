import { describeListener, GATEWAY_API_KINDS, gatewayApiFacts } from '../facts/gateway-api';
import { entryPointFor, servesClass, TRAEFIK_GATEWAY_CONTROLLER, traefikGatewayServers } from '../facts/traefik-gateway';
import { WORKLOAD_KINDS } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const TRAEFIK_LISTENER_WITHOUT_ENTRY_POINT = defineRule({
  id: 'CG-GWAPI-035',
  severity: Severity.ERROR,
  description: 'A listener of a Gateway served by Traefik has a port no entry point of that Traefik listens on (an HTTP listener also skips '
    + 'entry points with TLS), so Traefik rejects the listener and serves none of its routes',
  fix: 'Use the port of the Traefik entry point as the listener port (the container port, such as 8000 for web or 8443 for websecure, '
    + 'not the Service port 80 or 443), or add an entry point on that port',
  manifestLevel: true,
  kinds: [...GATEWAY_API_KINDS, ...WORKLOAD_KINDS],
  check(model, report) {
    const facts = gatewayApiFacts(model);
    const servers = traefikGatewayServers(model);
    if (servers.length === 0) return;
    for (const gatewayClass of facts.gatewayClasses.filter((c) => c.controllerName === TRAEFIK_GATEWAY_CONTROLLER)) {
      // A Traefik deployed elsewhere may serve the class: only the Traefiks in these manifests that select it are judged.
      const serving = servers.filter((s) => servesClass(s, gatewayClass.object.labels) === true);
      for (const gateway of facts.gateways.filter((g) => g.className === gatewayClass.name)) {
        for (const listener of gateway.listeners) {
          if (listener.port === undefined) continue;
          for (const server of serving.filter((s) => entryPointFor(s, listener.port!, listener.protocol) === undefined)) {
            const entryPoints = server.entryPoints.map((ep) => `${ep.name} ${ep.address}${ep.httpTls ? ' (TLS)' : ''}`).join(', ');
            report({
              object: gateway.object,
              field: `${listener.field}.port`,
              value: listener.port,
              message: `${describeListener(listener)} (class "${gatewayClass.name}") matches no entry point of `
                + `Traefik ${server.pod.object.ref}, which has ${entryPoints || 'none'}; Traefik binds a listener to the entry point whose `
                + `address ends in ":${listener.port}"${listener.protocol === 'HTTP' ? ' and has no TLS' : ''}`,
            });
          }
        }
      }
    }
  },
});
