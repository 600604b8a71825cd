import { ApiObject, Lazy } from 'cdk8s';
import { GATEWAY_API_GROUP, GATEWAY_API_VERSION, GatewayApiBinding } from './gateway-api-binding';
import { AppContext, ContextKey } from '../../core/app-context';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../../core/manifest-contract';
// Type-only: the gateway renders routes through this module.
import type { Route } from '../../routing/route';

/** The app's grants by `<route namespace>/<gateway namespace>/<gateway>`: the Secret names each admits. */
const GRANTS = new ContextKey('Gateway TLS reference grants', () => new Map<string, Set<string>>());

/**
 * Lets the Gateway read the route's TLS Secret in the route's namespace: one ReferenceGrant per route namespace and
 * Gateway (from that Gateway, to exactly the Secrets its listeners name), and none when the route is in the
 * Gateway's namespace.
 *
 * Certificates stay in the route namespace, as for an Ingress, rather than moving to the Gateway's: during a
 * migration the same Secret serves the route's Ingress and its HTTPRoute, and flipping a gateway's API neither
 * reissues certificates nor moves a tenant's key material into the platform namespace.
 */
export function grantGatewaySecret(route: Route, binding: GatewayApiBinding): void {
  const secret = route.tlsSecretName;
  if (secret === undefined || route.namespace === binding.gatewayNamespace) return;
  const grants = AppContext.of(route).get(GRANTS);
  const key = `${route.namespace}/${binding.gatewayNamespace}/${binding.gatewayName}`;
  const existing = grants.get(key);
  if (existing) {
    existing.add(secret);
    return;
  }
  const secrets = new Set([secret]);
  grants.set(key, secrets);
  new ApiObject(route, 'GatewaySecretGrant', {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'ReferenceGrant',
    metadata: {
      name: `gateway-${binding.gatewayName}-tls`,
      namespace: route.namespace,
      labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
    },
    spec: {
      from: [{ group: GATEWAY_API_GROUP, kind: 'Gateway', namespace: binding.gatewayNamespace }],
      to: Lazy.any({ produce: () => [...secrets].sort().map((name) => ({ group: '', kind: 'Secret', name })) }),
    },
  });
}
