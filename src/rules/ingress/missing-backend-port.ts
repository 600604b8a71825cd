import { defaultServiceBackend } from '../facts/ingress';
import { backendPortField, routesBySource } from '../facts/routes';
import { listOf, ManifestObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** A backend's Service port as an Ingress writes it: by number, by name, or neither. */
interface PortReference {
  readonly number?: unknown;
  readonly name?: unknown;
}

export const MISSING_BACKEND_PORT = defineRule({
  id: 'CG-INGRESS-015',
  severity: Severity.ERROR,
  description: 'An Ingress backend names a port (number or name) that its Service does not expose, so the controller has no endpoint to send to',
  fix: "Use one of the Service's spec.ports: its port number (port.number) or its name (port.name), not the container's targetPort",
  manifestLevel: true,
  kinds: ['Ingress', 'Service'],
  check(model, report) {
    const services = new Map<string, ManifestObject>(model.ofKind('Service').map((s) => [`${s.namespace}/${s.name}`, s]));
    const check = (object: ManifestObject, namespace: string, serviceName: unknown, port: PortReference, portField: string) => {
      const svc = services.get(`${namespace}/${serviceName}`);
      // ExternalName Services forward to a DNS name; their ports are optional.
      if (!svc || svc.json.spec?.type === 'ExternalName') return;
      const ports = listOf(svc.json.spec?.ports);
      const byNumber = port.number !== undefined;
      if (!byNumber && port.name === undefined) return; // CG-INGRESS-003 reports a backend without a port
      const found = ports.some((p) => (byNumber ? p?.port === port.number : p?.name === port.name));
      if (found) return;
      const offered = ports.map((p) => (p?.name ? `${p.name} (${p.port})` : String(p?.port))).join(', ') || '(none)';
      report({
        object,
        field: portField,
        value: port,
        message: `Service ${svc.namespace}/${svc.name} has no port ${byNumber ? `number ${port.number}` : `named "${port.name}"`}; its ports: ${offered}`,
      });
    };
    for (const [object, routes] of routesBySource(model)) {
      // An Ingress default backend is no route (no host, no path): read from the Ingress itself, before its paths.
      const fallback = object.kind === 'Ingress' ? defaultServiceBackend(object) : undefined;
      if (fallback) check(object, object.namespace!, fallback.service.name, fallback.service.port ?? {}, fallback.portField);
      for (const route of routes) {
        for (const backend of route.backends) {
          const port = typeof backend.port === 'number' ? { number: backend.port } : backend.port === undefined ? {} : { name: backend.port };
          check(object, backend.namespace, backend.serviceName, port, backendPortField(route, backend));
        }
      }
    }
  },
});
