import { createHash } from 'crypto';
import { GatewayApiBinding } from './gateway-api-binding';
// Type-only: the renderers and route certificates call this with routes.
import type { Route } from '../../routing/route';

/** The longest Secret name the API server accepts (a DNS-1123 subdomain). */
const MAX_SECRET_NAME = 253;
/** Hex digits of the hash that keeps a shortened name unique. */
const HASH_LENGTH = 10;

/**
 * The name of a route's TLS Secret when it lives in its Gateway's namespace: `<route namespace>.<secret name>`.
 * A namespace is a DNS-1123 label (no dots), so the first dot splits the name back into its two parts: two
 * namespaces that use the same `tlsSecretName` get two Secrets. A name over 253 characters keeps its namespace, a
 * prefix of the secret name and a hash of the whole (still unique, still readable).
 */
export function gatewaySecretName(routeNamespace: string, secretName: string): string {
  const full = `${routeNamespace}.${secretName}`;
  if (full.length <= MAX_SECRET_NAME) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, HASH_LENGTH);
  const prefix = full.slice(0, MAX_SECRET_NAME - HASH_LENGTH - 1).replace(/[.-]+$/, '');
  return `${prefix}-${hash}`;
}

/** Where a route's TLS Secret is, as its listener refers to it. */
export interface ListenerSecret {
  readonly name: string;
  readonly namespace: string;
}

/**
 * The Secret a route's HTTPS listener presents: in the Gateway's namespace (`gatewaySecretName`) when the gateway
 * keeps route certificates there, else the route's `tlsSecretName` in the route's namespace.
 */
export function listenerSecretOf(route: Route, binding: GatewayApiBinding): ListenerSecret {
  const secret = route.tlsSecretName!;
  return binding.certificatesInGatewayNamespace
    ? { name: gatewaySecretName(route.namespace, secret), namespace: binding.gatewayNamespace }
    : { name: secret, namespace: route.namespace };
}
