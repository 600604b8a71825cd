import { GatewayApiBinding } from './gateway-api-binding';
import { listenerSecretOf } from './gateway-secret';
import { listenerNameFor, REDIRECT_LISTENER_NAME } from './listener-names';
import { MAX_LISTENERS_PER_OBJECT } from '../../core/gateway-api-limits';
import { NAMESPACE_NAME_LABEL } from '../../core/manifest-contract';
// Type-only: the gateway calls this module with its routes.
import type { Route } from '../../routing/route';

/** The most listeners a Gateway or a ListenerSet takes (see MAX_LISTENERS_PER_OBJECT; CG-GWAPI-010). */
export const MAX_GATEWAY_LISTENERS = MAX_LISTENERS_PER_OBJECT;

/** The route kind a route renders to: GRPCRoute for gRPC backends, HTTPRoute otherwise. */
export function routeKindOf(route: Route): 'HTTPRoute' | 'GRPCRoute' {
  const protocol = route.options.backendProtocol;
  return protocol === 'GRPC' || protocol === 'GRPCS' ? 'GRPCRoute' : 'HTTPRoute';
}

/** The listener a route attaches to: its host's HTTPS listener when it has TLS, else the HTTP one. */
export function sectionNameFor(route: Route, binding: GatewayApiBinding): string {
  if (route.tlsSecretName !== undefined) return listenerNameFor('https', route.host);
  return binding.redirectsPlainHttp ? REDIRECT_LISTENER_NAME : listenerNameFor('http', route.host);
}

/** `allowedRoutes` admitting exactly `namespaces` (by their immutable name label) and `kinds`. */
export function allowedRoutesFor(namespaces: Iterable<string>, kinds: Iterable<string>): { [key: string]: any } {
  return {
    namespaces: {
      from: 'Selector',
      selector: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'In', values: [...new Set(namespaces)].sort() }] },
    },
    kinds: [...new Set(kinds)].sort().map((kind) => ({ kind })),
  };
}

interface ListenerDraft {
  readonly host?: string;
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly namespaces: Set<string>;
  readonly kinds: Set<string>;
  readonly certificates: Map<string, { name: string; namespace: string }>;
}

/**
 * The Gateway's listeners for its routes, sorted by name: one HTTPS listener per host with a TLS route
 * (`certificateRefs` to the routes' Secrets, `listenerSecretOf`), admitting exactly the namespaces of that host's
 * routes. Plain HTTP: a redirecting gateway has one listener without hostname that admits its own namespace only:
 * the redirect route and cert-manager's HTTP-01 routes are there (the Certificates are in the Gateway's namespace,
 * or, with an Ingress next to the Gateway, the solver is an Ingress). A tenant admitted on a listener that accepts
 * every hostname could serve any host's plain HTTP (CG-GWAPI-009). Any other gateway has one HTTP listener per host
 * with a route without TLS.
 */
export function gatewayListeners(routes: readonly Route[], binding: GatewayApiBinding): { [key: string]: any }[] {
  return listenersFor(routes, binding, 'gateway');
}

/**
 * The listeners of a tenant's ListenerSet in `namespace`: one per host of its routes (HTTPS with TLS; plain HTTP
 * only on a gateway that does not redirect), admitting routes of the ListenerSet's own namespace only. Their
 * Secrets are in the Gateway's namespace when the gateway keeps certificates there (a ReferenceGrant there admits
 * this ListenerSet), else the tenant's own. The redirect listener stays on the Gateway.
 */
export function listenerSetListeners(routes: readonly Route[], binding: GatewayApiBinding, namespace: string): { [key: string]: any }[] {
  return listenersFor(routes, binding, 'listenerSet', namespace);
}

function listenersFor(routes: readonly Route[], binding: GatewayApiBinding, owner: 'gateway' | 'listenerSet', ownNamespace?: string): { [key: string]: any }[] {
  const drafts = new Map<string, ListenerDraft>();
  const draft = (name: string, protocol: 'HTTP' | 'HTTPS', host?: string): ListenerDraft => {
    let d = drafts.get(name);
    if (!d) {
      d = { host, protocol, namespaces: new Set(), kinds: new Set(), certificates: new Map() };
      drafts.set(name, d);
    }
    return d;
  };
  const onGateway = owner === 'gateway';
  if (onGateway && binding.redirectsPlainHttp) draft(REDIRECT_LISTENER_NAME, 'HTTP').namespaces.add(binding.gatewayNamespace);
  for (const route of routes) {
    const name = sectionNameFor(route, binding);
    if (binding.inListenerSet(route) === onGateway) continue;
    if (route.tlsSecretName !== undefined) {
      const d = draft(name, 'HTTPS', route.host);
      const secret = listenerSecretOf(route, binding);
      d.certificates.set(`${secret.namespace}/${secret.name}`, secret);
      d.namespaces.add(route.namespace);
      d.kinds.add(routeKindOf(route));
    } else if (!binding.redirectsPlainHttp) {
      const d = draft(name, 'HTTP', route.host);
      d.namespaces.add(route.namespace);
      d.kinds.add(routeKindOf(route));
    }
  }
  if (onGateway && drafts.size === 0) {
    // A Gateway needs a listener (minItems 1): until routes need one, plain HTTP for routes of its own namespace.
    draft(listenerNameFor('http', 'default'), 'HTTP').namespaces.add(binding.gatewayNamespace);
  }
  return [...drafts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, d]) => ({
    name,
    ...(d.host !== undefined ? { hostname: d.host } : {}),
    port: d.protocol === 'HTTPS' ? binding.deployment.httpsListenerPort : binding.deployment.httpListenerPort,
    protocol: d.protocol,
    ...(d.protocol === 'HTTPS' ? {
      tls: {
        mode: 'Terminate',
        certificateRefs: [...d.certificates.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, ref]) => ({
          group: '',
          kind: 'Secret',
          name: ref.name,
          // A ListenerSet's Secrets in the Gateway's namespace are named with it (and granted, reference-grant.ts).
          ...(ref.namespace !== (onGateway ? binding.gatewayNamespace : ownNamespace) ? { namespace: ref.namespace } : {}),
        })),
      },
    } : {}),
    allowedRoutes: onGateway
      ? allowedRoutesFor(d.namespaces, d.kinds.size > 0 ? d.kinds : ['HTTPRoute'])
      : { namespaces: { from: 'Same' }, kinds: [...d.kinds].sort().map((kind) => ({ kind })) },
  }));
}
