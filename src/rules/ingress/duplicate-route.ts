import { LABEL_TENANT } from '../../core/manifest-contract';
import { effectiveClassOf, pathClaims, singleDefaultClass } from '../facts/ingress';
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
    // One pass with an index keyed by class, host, pathType and path: linear in the number of paths.
    const defaultClass = singleDefaultClass(model);
    // Namespaces owned by a Tenant: a conflict across two of them is one tenant claiming another's route.
    const tenants = new Map(model.ofKind('Namespace').filter((ns) => ns.labels[LABEL_TENANT] !== undefined).map((ns) => [ns.name, ns.labels[LABEL_TENANT]]));
    const tenantOf = (obj: ManifestObject) => `tenant "${tenants.get(obj.namespace!) ?? '(none)'}" (namespace ${obj.namespace})`;
    const firstClaim = new Map<string, { object: ManifestObject; field: string }>();
    for (const object of model.ofKind('Ingress')) {
      for (const claim of pathClaims(object)) {
        const className = effectiveClassOf(object, defaultClass) ?? '(no class)';
        const key = `${className}\u0000${claim.host}\u0000${claim.pathType}\u0000${claim.path}`;
        const first = firstClaim.get(key);
        if (!first) {
          firstClaim.set(key, { object, field: claim.field });
          continue;
        }
        report({
          object,
          field: `${claim.field}.path`,
          value: claim.path,
          message: `host "${claim.host || '*'}" ${claim.pathType} path "${claim.path}" on class "${className}" is already routed by ${first.object.ref} ${first.field} (${first.object.location}); this one is ${object.ref} (${object.location})`
            + (first.object.namespace !== object.namespace && (tenants.has(first.object.namespace!) || tenants.has(object.namespace!))
              ? `; two tenants claim it: ${tenantOf(first.object)} and ${tenantOf(object)}` : ''),
        });
      }
    }
  },
});
