import { defaultServiceBackend } from '../facts/ingress';
import { backendNameField, routesBySource } from '../facts/routes';
import { ManifestObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const MISSING_BACKEND_SERVICE = defineRule({
  id: 'CG-INGRESS-014',
  severity: Severity.WARNING,
  description: 'An Ingress backend names a Service that the manifests do not define, although they define other Services of that namespace (a typo, or a Service deleted with its app); backends in namespaces without any Service here are not judged',
  fix: 'Name an existing Service of the Ingress namespace, add the Service, or suppress when it is deployed from elsewhere',
  manifestLevel: true,
  kinds: ['Ingress', 'Service'],
  check(model, report) {
    const servicesByNs = new Map<string, Set<string>>();
    for (const svc of model.ofKind('Service')) {
      const names = servicesByNs.get(svc.namespace!) ?? new Set<string>();
      names.add(svc.name);
      servicesByNs.set(svc.namespace!, names);
    }
    const report404 = (object: ManifestObject, namespace: string, name: string, field: string) => {
      const names = servicesByNs.get(namespace);
      // No Service of this namespace here: the backends are deployed from elsewhere (another folder, a Helm release).
      if (!names || names.has(name)) return;
      report({ object, field, value: name, message: missingMessage(namespace, name, names) });
    };
    for (const [object, routes] of routesBySource(model)) {
      // An Ingress default backend is no route (no host, no path): read from the Ingress itself, before its paths.
      const fallback = object.kind === 'Ingress' ? defaultServiceBackend(object) : undefined;
      if (fallback && typeof fallback.service.name === 'string') report404(object, object.namespace!, fallback.service.name, fallback.nameField);
      for (const route of routes) {
        for (const backend of route.backends) report404(object, backend.namespace, backend.serviceName, backendNameField(route, backend));
      }
    }
  },
});

function missingMessage(namespace: string, name: string, names: Set<string>): string {
  const known = [...names].sort();
  const shown = known.length > 10 ? `${known.slice(0, 10).join(', ')}, ...` : known.join(', ');
  return `no Service "${name}" in namespace ${namespace} among these manifests, so the route answers 503; Services there: ${shown}`;
}
