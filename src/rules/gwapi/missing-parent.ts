import { GATEWAY_API_GROUP, GATEWAY_API_KINDS, gatewayApiFacts, parentRefsOf } from '../facts/gateway-api';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const MISSING_PARENT = defineRule({
  id: 'CG-GWAPI-003',
  severity: Severity.ERROR,
  description: 'A route or ListenerSet names a parent Gateway, ListenerSet or listener (sectionName, port) that does not exist; a parent in a namespace these manifests do not manage is assumed to exist elsewhere',
  fix: 'Correct the parentRef (name, namespace, sectionName, port) or add the parent; for a partial repository, leave the parent\'s namespace out of these manifests',
  manifestLevel: true,
  kinds: GATEWAY_API_KINDS,
  check(model, report) {
    const facts = gatewayApiFacts(model);
    for (const route of facts.routes) {
      for (const ref of parentRefsOf(route)) {
        // Other parent kinds (a Service for a mesh, say) are implementation-specific: not judged here.
        if (ref.group !== GATEWAY_API_GROUP || (ref.kind !== 'Gateway' && ref.kind !== 'ListenerSet')) continue;
        const { parentFound, listeners } = facts.listenersOf(ref);
        const value = { kind: ref.kind, namespace: ref.namespace, name: ref.name, sectionName: ref.sectionName, port: ref.port };
        if (!parentFound) {
          if (!facts.managesNamespace(ref.namespace)) continue;
          const known = (ref.kind === 'Gateway' ? facts.gateways.map((g) => g.object) : facts.listenerSets.map((s) => s.object))
            .filter((o) => o.namespace === ref.namespace).map((o) => o.name).sort();
          report({
            object: route,
            field: ref.field,
            value,
            message: `no ${ref.kind} "${ref.name}" exists in namespace "${ref.namespace}", which these manifests manage; `
              + `${ref.kind}s there: ${known.length ? known.join(', ') : '(none)'}`,
          });
        } else if (listeners.length === 0) {
          const all = facts.listenersOf({ ...ref, sectionName: undefined, port: undefined }).listeners;
          report({
            object: route,
            field: ref.field,
            value,
            message: `${ref.kind} ${ref.namespace}/${ref.name} has no listener${ref.sectionName !== undefined ? ` named "${ref.sectionName}"` : ''}`
              + `${ref.port !== undefined ? ` on port ${ref.port}` : ''}; its listeners: `
              + `${all.length ? all.map((l) => `"${l.name}" (port ${l.port ?? '(unset)'})`).join(', ') : '(none)'}`,
          });
        }
      }
    }
    for (const set of facts.listenerSets) {
      const ref = set.parentRef;
      if (set.parent || ref.group !== GATEWAY_API_GROUP || ref.kind !== 'Gateway') continue;
      if (!facts.managesNamespace(ref.namespace)) continue;
      const known = facts.gateways.filter((g) => g.namespace === ref.namespace).map((g) => g.object.name).sort();
      report({
        object: set.object,
        field: 'spec.parentRef',
        value: ref,
        message: `no Gateway "${ref.name}" exists in namespace "${ref.namespace}", which these manifests manage; Gateways there: ${known.length ? known.join(', ') : '(none)'}`,
      });
    }
  },
});
