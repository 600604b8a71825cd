import { MAX_LISTENERS_PER_OBJECT } from '../../core/gateway-api-limits';
import { GATEWAY_API_KINDS, gatewayApiObjects } from '../facts/gateway-api';
import { listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const TOO_MANY_LISTENERS = defineRule({
  id: 'CG-GWAPI-010',
  severity: Severity.ERROR,
  description: `A Gateway or ListenerSet has more than ${MAX_LISTENERS_PER_OBJECT} listeners (spec.listeners maxItems in the Gateway API v1.6.1 CRDs), so the API server rejects it`,
  fix: 'Split the listeners: move tenant hosts into ListenerSets (each takes 64 more), serve hosts of one domain with a wildcard hostname listener, or spread them over several Gateways',
  manifestLevel: true,
  kinds: GATEWAY_API_KINDS,
  check(model, report) {
    for (const kind of ['Gateway', 'ListenerSet']) {
      for (const object of gatewayApiObjects(model, kind)) {
        const count = listOf(object.json.spec?.listeners).length;
        if (count <= MAX_LISTENERS_PER_OBJECT) continue;
        report({
          object,
          field: 'spec.listeners',
          value: count,
          message: `${object.ref} has ${count} listeners, and a ${kind} takes at most ${MAX_LISTENERS_PER_OBJECT}: `
            + (kind === 'Gateway'
              ? 'move hosts into ListenerSets (a tenant\'s, 64 listeners each), cover hosts of one domain with one wildcard listener (*.example.com), or split them over several Gateways'
              : 'split it into several ListenerSets on the same Gateway, or cover hosts of one domain with one wildcard listener (*.example.com)'),
        });
      }
    }
  },
});
