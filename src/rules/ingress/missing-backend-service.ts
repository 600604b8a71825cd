import { isLegacyIngress, serviceBackends } from '../facts/ingress';
import { RouteBackendFact, RouteFact } from '../facts/route-fact';
import { routeFacts } from '../facts/routes';
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
    // Routes by the object that declares them, Ingresses first in manifest order (Gateway API routes after them).
    const routesBySource = new Map<ManifestObject, RouteFact[]>(model.ofKind('Ingress').map((ingress) => [ingress, []]));
    for (const route of routeFacts(model)) {
      const routes = routesBySource.get(route.source);
      if (routes) routes.push(route);
      else routesBySource.set(route.source, [route]);
    }
    for (const [object, routes] of routesBySource) {
      // An Ingress default backend is no route (no host, no path): read from the Ingress itself, before its paths.
      for (const { service, nameField, field } of object.kind === 'Ingress' ? serviceBackends(object) : []) {
        if (!DEFAULT_BACKEND_FIELDS.includes(field) || typeof service.name !== 'string') continue;
        report404(object, object.namespace!, service.name, nameField);
      }
      for (const route of routes) {
        for (const backend of route.backends) report404(object, backend.namespace, backend.serviceName, nameFieldOf(route, backend));
      }
    }
  },
});

/** Where an Ingress default backend's service reference is, in v1 and in removed API versions. */
const DEFAULT_BACKEND_FIELDS = ['spec.defaultBackend.service', 'spec.backend'];

/** JSON path of the Service name: `name` under the reference, `serviceName` in removed Ingress API versions. */
function nameFieldOf(route: RouteFact, backend: RouteBackendFact): string {
  return route.api === 'ingress' && isLegacyIngress(route.source) ? `${backend.field}.serviceName` : `${backend.field}.name`;
}

function missingMessage(namespace: string, name: string, names: Set<string>): string {
  const known = [...names].sort();
  const shown = known.length > 10 ? `${known.slice(0, 10).join(', ')}, ...` : known.join(', ');
  return `no Service "${name}" in namespace ${namespace} among these manifests, so the route answers 503; Services there: ${shown}`;
}
