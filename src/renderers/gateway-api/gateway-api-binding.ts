import type { GatewayApiDeployment, IGatewayApiImplementation } from '../../controllers/gateway-api-implementation';
// Type-only: the gateway passes its routes.
import type { Route } from '../../routing/route';
import type { RouteOptions } from '../../routing/route-options';

/** The group of every Gateway API kind this library writes. */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
/** The Gateway API version of the standard channel (gateway-api v1.6.1): GatewayClass, Gateway, routes, ReferenceGrant, BackendTLSPolicy. */
export const GATEWAY_API_VERSION = `${GATEWAY_API_GROUP}/v1`;

/** What a Gateway API gateway tells the renderers: its Gateway, its implementation and how it treats plain HTTP. */
export interface GatewayApiBinding {
  /** Name of the Gateway (the gateway's class name). */
  readonly gatewayName: string;
  /** Namespace of the Gateway. */
  readonly gatewayNamespace: string;
  /** The implementation that translates route options. */
  readonly implementation: IGatewayApiImplementation;
  /** What the implementation set up: listener ports, proxy pods. */
  readonly deployment: GatewayApiDeployment;
  /**
   * Plain HTTP only redirects to HTTPS (a public web gateway): one HTTP listener, whose only route of ours is the
   * redirect; every other route attaches to its host's HTTPS listener.
   */
  readonly redirectsPlainHttp: boolean;
  /**
   * Route certificates are issued in the Gateway's namespace (the Gateway API alone serves the routes): listeners
   * refer to Secrets there, and cert-manager's HTTP-01 routes appear there, so no tenant namespace needs the
   * plain HTTP listener. False while an Ingress also serves the routes: it needs the Secret in its own namespace.
   */
  readonly certificatesInGatewayNamespace: boolean;
  /** Filters every route of the gateway carries first (a public web gateway's HSTS header). */
  readonly routeFilters: { [key: string]: any }[];
  /**
   * Options every route of the gateway gets unless it sets its own (a public web gateway's request limits). Those the
   * implementation can not apply are the gateway's gap, recorded on its Gateway, not on each route.
   */
  readonly routeOptionDefaults: RouteOptions;
  /** The gateway's routes, as resolved when read. */
  readonly routes: () => readonly Route[];
  /**
   * Whether a route's listener goes in a ListenerSet of its namespace (a tenant's, on an implementation that serves
   * ListenerSets) rather than on the Gateway.
   */
  readonly inListenerSet: (route: Route) => boolean;
}

/** The name of a gateway's ListenerSet in a tenant namespace. */
export function listenerSetName(binding: GatewayApiBinding): string {
  return `gateway-${binding.gatewayName}`;
}
