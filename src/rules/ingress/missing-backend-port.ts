import { serviceBackends } from '../facts/ingress';
import { listOf, ManifestObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const MISSING_BACKEND_PORT = defineRule({
  id: 'CG-INGRESS-015',
  severity: Severity.ERROR,
  description: 'An Ingress backend names a port (number or name) that its Service does not expose, so the controller has no endpoint to send to',
  fix: "Use one of the Service's spec.ports: its port number (port.number) or its name (port.name), not the container's targetPort",
  manifestLevel: true,
  kinds: ['Ingress', 'Service'],
  check(model, report) {
    const services = new Map<string, ManifestObject>(model.ofKind('Service').map((s) => [`${s.namespace}/${s.name}`, s]));
    for (const object of model.ofKind('Ingress')) {
      for (const { service, portField } of serviceBackends(object)) {
        const svc = services.get(`${object.namespace}/${service.name}`);
        // ExternalName Services forward to a DNS name; their ports are optional.
        if (!svc || svc.json.spec?.type === 'ExternalName') continue;
        const port = service.port ?? {};
        const ports = listOf(svc.json.spec?.ports);
        const byNumber = port.number !== undefined;
        if (!byNumber && port.name === undefined) continue; // CG-INGRESS-003 reports a backend without a port
        const found = ports.some((p) => (byNumber ? p?.port === port.number : p?.name === port.name));
        if (found) continue;
        const offered = ports.map((p) => (p?.name ? `${p.name} (${p.port})` : String(p?.port))).join(', ') || '(none)';
        report({
          object,
          field: portField,
          value: port,
          message: `Service ${svc.namespace}/${svc.name} has no port ${byNumber ? `number ${port.number}` : `named "${port.name}"`}; its ports: ${offered}`,
        });
      }
    }
  },
});
