import { ApiObject, Lazy } from 'cdk8s';
import { GATEWAY_API_GROUP, GATEWAY_API_VERSION, GatewayApiBinding, listenerSetName } from './gateway-api-binding';
import { listenerSetListeners, MAX_GATEWAY_LISTENERS } from './listeners';
import { AppContext, ContextKey } from '../../core/app-context';
import { rejectInput } from '../../core/input/reject-input';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../../core/manifest-contract';
// Type-only: the gateway renders routes through this module.
import type { Route } from '../../routing/route';

/** The app's ListenerSets by `<namespace>/<gateway namespace>/<gateway>`. */
const LISTENER_SETS = new ContextKey('tenant ListenerSets', () => new Set<string>());

/**
 * The ListenerSet of a tenant namespace on a gateway, created with the first route there: its listeners are the
 * tenant's hosts, so the cluster itself (not only our rules) keeps a tenant to its own hostnames; the Gateway admits
 * ListenerSets from tenant namespaces only (`allowedListeners`).
 */
export function ensureListenerSet(route: Route, binding: GatewayApiBinding): void {
  const key = `${route.namespace}/${binding.gatewayNamespace}/${binding.gatewayName}`;
  const sets = AppContext.of(route).get(LISTENER_SETS);
  if (sets.has(key)) return;
  sets.add(key);
  const namespace = route.namespace;
  new ApiObject(route, 'ListenerSet', {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'ListenerSet',
    metadata: { name: listenerSetName(binding), namespace, labels: { [LABEL_MANAGED_BY]: MANAGED_BY } },
    spec: {
      parentRef: { group: GATEWAY_API_GROUP, kind: 'Gateway', name: binding.gatewayName, namespace: binding.gatewayNamespace },
      listeners: Lazy.any({
        produce: () => {
          const listeners = listenerSetListeners(binding.routes().filter((r) => r.namespace === namespace), binding, namespace);
          if (listeners.length > MAX_GATEWAY_LISTENERS) {
            rejectInput(route, 'host', listeners.length, `namespace "${namespace}" needs ${listeners.length} listeners in its ListenerSet on gateway `
              + `"${binding.gatewayName}" (one per host), and a ListenerSet takes at most ${MAX_GATEWAY_LISTENERS}; cover the tenant's hosts `
              + 'with a wildcard host, or spread them over several gateways');
          }
          return listeners;
        },
      }),
    },
  });
}
