import { describeListener, GATEWAY_API_KINDS, gatewayApiFacts, ListenerFact } from '../facts/gateway-api';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const CONFLICTING_LISTENERS = defineRule({
  id: 'CG-GWAPI-001',
  severity: Severity.ERROR,
  description: 'Two listeners of one Gateway (its attached ListenerSets included) share port, protocol and hostname, so the later one is Conflicted and not programmed',
  fix: 'Give each listener of the Gateway and its ListenerSets its own hostname (or port), or merge the two into one listener',
  manifestLevel: true,
  kinds: GATEWAY_API_KINDS,
  check(model, report) {
    for (const gateway of gatewayApiFacts(model).gateways) {
      // The spec's precedence: the Gateway's own listeners, then its ListenerSets. Creation time is not in manifests,
      // so ListenerSets are taken alphabetically by namespace/name (the spec's tie-breaker).
      const sets = gateway.listenerSets.filter((s) => s.admitted !== false)
        .sort((a, b) => `${a.namespace}/${a.object.name}`.localeCompare(`${b.namespace}/${b.object.name}`));
      const seen = new Map<string, ListenerFact>();
      for (const listener of [...gateway.listeners, ...sets.flatMap((s) => s.listeners)]) {
        if (listener.port === undefined) continue;
        const key = `${listener.port}|${listener.protocol}|${(listener.hostname ?? '').toLowerCase()}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, listener);
          continue;
        }
        report({
          object: listener.owner,
          field: listener.field,
          value: { port: listener.port, protocol: listener.protocol, hostname: listener.hostname },
          message: `${describeListener(listener)} conflicts with ${describeListener(first)} on Gateway ${gateway.object.ref}: `
            + 'port, protocol and hostname must be unique across a Gateway and its ListenerSets',
        });
      }
    }
  },
});
