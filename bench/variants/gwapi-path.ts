/**
 * The Gateway API user path (issue 15): the user path of `user-path.ts` with the gateway on the Gateway API and
 * Envoy Gateway, as `examples/gateway-api` writes it. One `PublicWebGateway` (`IngressController.envoyGateway()`,
 * `RoutingApi.GATEWAY_API`) with a Let's Encrypt `AcmeIssuer` (HTTP-01 through an HTTPRoute); 100 `Tenant`s, each
 * with its ListenerSet (one HTTPS listener per host, at most 50 hosts); per route an L1 `KubeService` and
 * `tenant.addRoute(...)` with a path and `tlsSecretName`, from which the library derives the HTTPRoute, the
 * Envoy Gateway policies, the Certificate (in the gateway's namespace), the ReferenceGrant and the NetworkPolicy
 * allowance. Rules on (the default) unless `rulesEnabled` is false.
 */
import { App } from 'cdk8s';
import { IngressController, PathType, RoutingApi } from '../../src';
import { RouteSpec } from '../workload';
import { buildUserApp } from './user-app';

export function build(app: App, routes: RouteSpec[], rulesEnabled = true): void {
  buildUserApp(app, routes, {
    gateway: { controller: IngressController.envoyGateway(), api: RoutingApi.GATEWAY_API },
    routeProps: (route) => ({ path: route.path ?? '/', pathType: PathType.PREFIX }),
  }, rulesEnabled);
}
