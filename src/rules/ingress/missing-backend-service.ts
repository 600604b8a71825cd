import { serviceBackends } from '../facts/ingress';
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
    for (const object of model.ofKind('Ingress')) {
      const names = servicesByNs.get(object.namespace!);
      // No Service of this namespace here: the backends are deployed from elsewhere (another folder, a Helm release).
      if (!names) continue;
      for (const { service, nameField } of serviceBackends(object)) {
        if (typeof service.name !== 'string' || names.has(service.name)) continue;
        report({ object, field: nameField, value: service.name, message: missingMessage(object, service.name, names) });
      }
    }
  },
});

function missingMessage(ingress: ManifestObject, name: string, names: Set<string>): string {
  const known = [...names].sort();
  const shown = known.length > 10 ? `${known.slice(0, 10).join(', ')}, ...` : known.join(', ');
  return `no Service "${name}" in namespace ${ingress.namespace} among these manifests, so the route answers 503; Services there: ${shown}`;
}
