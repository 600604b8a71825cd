import { describeListener, GATEWAY_API_KINDS, gatewayApiFacts, ListenerFact, listenerAcceptsKind, NamespaceAllowance, parentRefsOf } from '../facts/gateway-api';
import { defineRule, show } from '../rule';
import { Severity } from '../severity';

export const ROUTE_NOT_ALLOWED = defineRule({
  id: 'CG-GWAPI-004',
  severity: Severity.ERROR,
  description: 'No listener a route\'s parentRef selects allows the route\'s namespace (allowedRoutes.namespaces: Same, All, Selector) or kind (allowedRoutes.kinds, else the protocol\'s kinds)',
  fix: 'Allow the route\'s namespace or kind in the listener\'s allowedRoutes (label the namespace for its selector), or attach the route to a listener that allows it',
  manifestLevel: true,
  kinds: GATEWAY_API_KINDS,
  check(model, report) {
    const facts = gatewayApiFacts(model);
    for (const route of facts.routes) {
      for (const ref of parentRefsOf(route)) {
        const { listeners } = facts.listenersOf(ref);
        if (listeners.length === 0) continue;
        const reasons: string[] = [];
        const allowed = listeners.some((listener) => {
          const anchor = anchorNamespace(listener);
          const namespaceOk = facts.admits(listener.allowedNamespaces, route.namespace!, anchor);
          const kindOk = listenerAcceptsKind(listener, route.kind);
          // A namespace the manifests can not judge (a selector over undeclared labels) counts as allowed: no guessing.
          if (namespaceOk !== false && kindOk) return true;
          if (!kindOk) reasons.push(`${describeListener(listener)} accepts ${listener.allowedKinds.map((k) => k.kind).join(', ') || 'no route kind'}`);
          if (namespaceOk === false) reasons.push(`${describeListener(listener)} admits ${allowanceText(listener.allowedNamespaces, anchor)}`);
          return false;
        });
        if (allowed) continue;
        report({
          object: route,
          field: ref.field,
          value: { kind: route.kind, namespace: route.namespace },
          message: `${route.ref} may not attach to ${ref.kind} ${ref.namespace}/${ref.name}: ${reasons.join('; ')}`,
        });
      }
    }
  },
});

/**
 * The namespace `Same` refers to: the Gateway's for its own listeners, the ListenerSet's for a ListenerSet's (Envoy
 * Gateway v1.9.0 internal/gatewayapi/contexts.go, ListenerContext.GetNamespace).
 */
function anchorNamespace(listener: ListenerFact): string {
  return listener.owner.namespace!;
}

function allowanceText(allowance: NamespaceAllowance, anchor: string): string {
  switch (allowance.from) {
    case 'Same': return `routes from namespace "${anchor}" only (from: Same)`;
    case 'Selector': return `routes from namespaces selected by ${show(allowance.selector)} (from: Selector)`;
    default: return `routes from: ${show(allowance.from)}`;
  }
}
