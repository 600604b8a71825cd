import { GATEWAY_API_GROUP, GATEWAY_API_KINDS, gatewayApiFacts } from '../facts/gateway-api';
import { isObject, listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const BACKEND_REF_NOT_GRANTED = defineRule({
  id: 'CG-GWAPI-005',
  severity: Severity.ERROR,
  description: 'A route\'s backendRef points into another namespace and no ReferenceGrant there permits it, so the backend is not used (ResolvedRefs: RefNotPermitted)',
  fix: 'Add a ReferenceGrant in the backend\'s namespace from the route\'s kind and namespace to the backend\'s kind (and name), or move the route next to its backend',
  manifestLevel: true,
  kinds: GATEWAY_API_KINDS,
  check(model, report) {
    const facts = gatewayApiFacts(model);
    for (const route of facts.routes) {
      listOf(route.json.spec?.rules).forEach((rule, i) => {
        if (!isObject(rule)) return;
        listOf(rule.backendRefs).forEach((ref, k) => {
          if (!isObject(ref) || typeof ref.name !== 'string' || typeof ref.namespace !== 'string') return;
          if (ref.namespace === '' || ref.namespace === route.namespace) return;
          const toGroup = typeof ref.group === 'string' ? ref.group : '';
          const toKind = typeof ref.kind === 'string' ? ref.kind : 'Service';
          const permitted = facts.grantPermits({
            fromGroup: GATEWAY_API_GROUP,
            fromKind: route.kind,
            fromNamespace: route.namespace!,
            toGroup,
            toKind,
            toNamespace: ref.namespace,
            toName: ref.name,
          });
          if (permitted) return;
          report({
            object: route,
            field: `spec.rules[${i}].backendRefs[${k}]`,
            value: { group: toGroup, kind: toKind, namespace: ref.namespace, name: ref.name },
            message: `${route.ref} refers to ${toKind} ${ref.namespace}/${ref.name}, and no ReferenceGrant in namespace "${ref.namespace}" `
              + `permits it; one would need from {group: ${GATEWAY_API_GROUP}, kind: ${route.kind}, namespace: ${route.namespace}} `
              + `and to {group: "${toGroup}", kind: ${toKind}} (name unset or "${ref.name}")`,
          });
        });
      });
    }
  },
});
