import { checkDns1035Label, checkDns1123Label, checkDns1123Subdomain } from '../../core/validation';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** Kinds whose names the API server checks as something stricter than a DNS-1123 subdomain. */
const NAME_CHECKS: Record<string, (name: string) => string | undefined> = {
  Namespace: checkDns1123Label,
  Service: checkDns1035Label,
};

/** RBAC objects accept path-segment names (`system:controller`), which the subdomain check would reject. */
const PATH_SEGMENT_NAME_KINDS = new Set(['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);

export const INVALID_OBJECT_NAME = defineRule({
  id: 'CG-META-002',
  severity: Severity.ERROR,
  description: 'An object name or namespace is not one the API server accepts',
  fix: 'Use lowercase letters, digits and "-" (Services must start with a letter; Namespaces are a single label of at most 63 characters)',
  manifestLevel: true,
  kinds: ['*'],
  check(model, report) {
    for (const object of model.objects) {
      const name = object.json.metadata?.name;
      if (typeof name !== 'string' || name.length === 0) {
        if (object.json.metadata?.generateName === undefined) {
          report({ object, field: 'metadata.name', value: name, message: 'every object needs a name' });
        }
        continue;
      }
      const reason = PATH_SEGMENT_NAME_KINDS.has(object.kind)
        ? (/[/%]/.test(name) || name === '.' || name === '..' ? "must not contain '/' or '%' and must not be '.' or '..'" : undefined)
        : (NAME_CHECKS[object.kind] ?? checkDns1123Subdomain)(name);
      if (reason) report({ object, field: 'metadata.name', value: name, message: `${object.kind} name ${reason}` });
      const namespace = object.json.metadata?.namespace;
      if (typeof namespace === 'string') {
        const nsReason = checkDns1123Label(namespace);
        if (nsReason) report({ object, field: 'metadata.namespace', value: namespace, message: `namespace ${nsReason}` });
      }
    }
  },
});
