import { ManifestObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** The API group of an apiVersion: `networking.k8s.io/v1` → `networking.k8s.io`, `v1` → `` (core). */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

export const DUPLICATE_OBJECT = defineRule({
  id: 'CG-META-003',
  severity: Severity.ERROR,
  description: 'Two objects have the same kind, namespace and name, so the second overwrites the first when applied',
  fix: 'Rename one of them (for gateways: give each a distinct className, and create a shared namespace only once with createNamespace: false on the others)',
  manifestLevel: true,
  kinds: ['*'],
  check(model, report) {
    const first = new Map<string, ManifestObject>();
    for (const object of model.objects) {
      if (object.name === '') continue; // CG-META-002 reports objects without a name
      const key = `${groupOf(object.apiVersion)}\u0000${object.kind}\u0000${object.namespace ?? ''}\u0000${object.name}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, object);
        continue;
      }
      report({
        object,
        field: 'metadata.name',
        value: object.name,
        message: `${object.refWithLocation} has the same kind, namespace and name as ${earlier.refWithLocation}; applying both keeps only one`,
      });
    }
  },
});
