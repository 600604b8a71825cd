import { LABEL_TENANT } from '../../core/manifest-contract';
import { singleDefaultClass } from '../facts/ingress';
import { RouteParentFact } from '../facts/route-fact';
import { describeParent, routeFacts } from '../facts/routes';
import { ManifestObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const DUPLICATE_ROUTE = defineRule({
  id: 'CG-INGRESS-005',
  severity: Severity.ERROR,
  description: 'The same host + path is routed twice on one IngressClass',
  fix: 'Keep one route per host, path and pathType on a class; merge the backends or change one path',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass', 'Namespace'],
  check(model, report) {
    // One pass over the route facts with an index keyed by parent, host, pathType and path: linear in the number of routes.
    const defaultClass = singleDefaultClass(model);
    // Namespaces owned by a Tenant: a conflict across two of them is one tenant claiming another's route.
    const tenants = new Map(model.ofKind('Namespace').filter((ns) => ns.labels[LABEL_TENANT] !== undefined).map((ns) => [ns.name, ns.labels[LABEL_TENANT]]));
    const tenantOf = (obj: ManifestObject) => `tenant "${tenants.get(obj.namespace!) ?? '(none)'}" (namespace ${obj.namespace})`;
    const firstClaim = new Map<string, { object: ManifestObject; field: string }>();
    for (const route of routeFacts(model)) {
      const object = route.source;
      const key = `${parentKey(route.parent, defaultClass)}\u0000${route.host}\u0000${route.pathType}\u0000${route.path}`;
      const first = firstClaim.get(key);
      if (!first) {
        firstClaim.set(key, { object, field: route.field });
        continue;
      }
      report({
        object,
        field: `${route.field}.path`,
        value: route.path,
        message: `host "${route.host}" ${route.pathType} path "${route.path}" on ${describeParent(route.parent, defaultClass)} is already routed by ${first.object.ref} ${first.field} (${first.object.location}); this one is ${object.ref} (${object.location})`
          + (first.object.namespace !== object.namespace && (tenants.has(first.object.namespace!) || tenants.has(object.namespace!))
            ? `; two tenants claim it: ${tenantOf(first.object)} and ${tenantOf(object)}` : ''),
      });
    }
  },
});

/** Routes conflict only on the same parent: the same (effective) IngressClass, or the same Gateway listener. */
function parentKey(parent: RouteParentFact, defaultClass: string | undefined): string {
  if (parent.kind === 'IngressClass') return `IngressClass\u0000${parent.name ?? defaultClass ?? '(no class)'}`;
  return `${parent.kind}\u0000${parent.namespace}\u0000${parent.name}\u0000${parent.sectionName ?? ''}`;
}
