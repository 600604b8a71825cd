import { GATEWAY_API_GROUP, GATEWAY_API_KINDS, gatewayApiFacts } from '../facts/gateway-api';
import { isObject, listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** A backend reference of a route and the JSON path that leads to it. */
interface BackendReference {
  readonly ref: Record<string, any>;
  readonly field: string;
}

export const BACKEND_REF_NOT_GRANTED = defineRule({
  id: 'CG-GWAPI-005',
  severity: Severity.ERROR,
  description: 'A route\'s backendRef (or requestMirror backendRef) points into another namespace and no ReferenceGrant there permits it, so the backend is not used (ResolvedRefs: RefNotPermitted)',
  fix: 'Add a ReferenceGrant in the backend\'s namespace from the route\'s kind and namespace to the backend\'s kind (and name), or move the route next to its backend',
  manifestLevel: true,
  kinds: GATEWAY_API_KINDS,
  check(model, report) {
    const facts = gatewayApiFacts(model);
    for (const route of facts.routes) {
      for (const { ref, field } of backendReferences(route.json.spec)) {
        if (typeof ref.name !== 'string' || typeof ref.namespace !== 'string') continue;
        if (ref.namespace === '' || ref.namespace === route.namespace) continue;
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
        if (permitted) continue;
        report({
          object: route,
          field,
          value: { group: toGroup, kind: toKind, namespace: ref.namespace, name: ref.name },
          message: `${route.ref} refers to ${toKind} ${ref.namespace}/${ref.name}, and no ReferenceGrant in namespace "${ref.namespace}" `
            + `permits it; one would need from {group: ${GATEWAY_API_GROUP}, kind: ${route.kind}, namespace: ${route.namespace}} `
            + `and to {group: "${toGroup}", kind: ${toKind}} (name unset or "${ref.name}")`,
        });
      }
    }
  },
});

/**
 * Every backend reference of a route: `rules[].backendRefs[]`, and the `requestMirror.backendRef` of filters on a rule
 * or on one of its backendRefs (HTTPRoute, GRPCRoute); the spec requires a ReferenceGrant for each across namespaces.
 */
function backendReferences(spec: unknown): BackendReference[] {
  const found: BackendReference[] = [];
  const mirrors = (filters: unknown, at: string) => listOf(filters).forEach((filter, f) => {
    if (isObject(filter) && isObject(filter.requestMirror) && isObject(filter.requestMirror.backendRef)) {
      found.push({ ref: filter.requestMirror.backendRef, field: `${at}.filters[${f}].requestMirror.backendRef` });
    }
  });
  listOf(isObject(spec) ? spec.rules : undefined).forEach((rule, i) => {
    if (!isObject(rule)) return;
    const at = `spec.rules[${i}]`;
    listOf(rule.backendRefs).forEach((ref, k) => {
      if (!isObject(ref)) return;
      found.push({ ref, field: `${at}.backendRefs[${k}]` });
      mirrors(ref.filters, `${at}.backendRefs[${k}]`);
    });
    mirrors(rule.filters, at);
  });
  return found;
}
