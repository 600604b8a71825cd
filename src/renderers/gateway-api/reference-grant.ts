import { ApiObject, Lazy } from 'cdk8s';
import { GATEWAY_API_GROUP, GATEWAY_API_VERSION, GatewayApiBinding } from './gateway-api-binding';
import { listenerSecretOf } from './gateway-secret';
import { AppContext, ContextKey } from '../../core/app-context';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../../core/manifest-contract';
// Type-only: the gateway renders routes through this module.
import type { Route } from '../../routing/route';

/** The app's grants by `<grant namespace>/<from kind>/<from namespace>/<gateway>`: the Secret names each admits. */
const GRANTS = new ContextKey('Gateway TLS reference grants', () => new Map<string, Set<string>>());

/**
 * Lets the listener of a route's host read the route's TLS Secret when the Secret is in another namespace than the
 * listener, and only then, to exactly the Secrets its listeners name (one ReferenceGrant per namespace pair):
 *
 * - Certificates in the Gateway's namespace (the Gateway API alone serves the routes): a Gateway listener reads
 *   them in its own namespace, with no grant; a tenant's ListenerSet reads them through a grant in the Gateway's
 *   namespace from kind ListenerSet in the tenant's namespace. Envoy Gateway v1.9.0 checks a ListenerSet listener's
 *   cross-namespace certificateRef from kind ListenerSet in the ListenerSet's namespace
 *   (internal/gatewayapi/validate.go validateTerminateModeAndGetTLSSecrets), as the Gateway API spec says.
 * - Certificates in the route's namespace (an Ingress serves the route too and needs the Secret there): a grant in
 *   the route's namespace from the Gateway; a ListenerSet there reads its own namespace's Secrets.
 */
export function grantGatewaySecret(route: Route, binding: GatewayApiBinding): void {
  if (route.tlsSecretName === undefined) return;
  const secret = listenerSecretOf(route, binding);
  const inListenerSet = binding.inListenerSet(route);
  const listenerNamespace = inListenerSet ? route.namespace : binding.gatewayNamespace;
  if (secret.namespace === listenerNamespace) return;
  const fromKind = inListenerSet ? 'ListenerSet' : 'Gateway';
  const grants = AppContext.of(route).get(GRANTS);
  const key = `${secret.namespace}/${fromKind}/${listenerNamespace}/${binding.gatewayName}`;
  const existing = grants.get(key);
  if (existing) {
    existing.add(secret.name);
    return;
  }
  const secrets = new Set([secret.name]);
  grants.set(key, secrets);
  new ApiObject(route, 'GatewaySecretGrant', {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'ReferenceGrant',
    metadata: {
      // In the Gateway's namespace one grant per tenant namespace: the namespace (no dots) keeps the names apart.
      name: inListenerSet ? `${listenerNamespace}.gateway-${binding.gatewayName}-tls` : `gateway-${binding.gatewayName}-tls`,
      namespace: secret.namespace,
      labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
    },
    spec: {
      from: [{ group: GATEWAY_API_GROUP, kind: fromKind, namespace: listenerNamespace }],
      to: Lazy.any({ produce: () => [...secrets].sort().map((name) => ({ group: '', kind: 'Secret', name })) }),
    },
  });
}
