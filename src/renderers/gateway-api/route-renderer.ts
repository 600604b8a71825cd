import { ApiObject, JsonPatch } from 'cdk8s';
import { renderBackendTlsPolicy } from './backend-tls-policy';
import { GATEWAY_API_GROUP, GATEWAY_API_VERSION, GatewayApiBinding, listenerSetName } from './gateway-api-binding';
import { ensureListenerSet } from './listener-set';
import { routeKindOf, sectionNameFor } from './listeners';
import { grantGatewaySecret } from './reference-grant';
import type { GatewayApiRouteTranslation } from '../../controllers/gateway-api-implementation';
import { rejectInput, rejectInputs } from '../../core/input/reject-input';
import { ANNOTATION_UNSUPPORTED_ROUTE_OPTIONS, encodeList, LABEL_MANAGED_BY, MANAGED_BY } from '../../core/manifest-contract';
import { PathType } from '../../routing/path-type';
// Type-only: routes are the model this module renders; the gateway calls it (a value import would be a cycle).
import type { Route } from '../../routing/route';
import { ROUTE_INGRESS_ID } from '../ingress/ingress-renderer';

/** The construct id of a route's HTTPRoute or GRPCRoute when the route also has an Ingress (`ROUTE_INGRESS_ID`). */
export const ROUTE_GATEWAY_API_ID = 'GatewayApiRoute';

/** HTTPRoute path match types for the route's path types; ImplementationSpecific has no portable meaning. */
const PATH_MATCH_TYPES: { [type: string]: string | undefined } = {
  [PathType.PREFIX]: 'PathPrefix',
  [PathType.EXACT]: 'Exact',
};

/**
 * Renders a route as an HTTPRoute (a GRPCRoute for gRPC backends) in the route's namespace, attached to its host's
 * listener of the gateway's Gateway: hostnames [host], one rule with the path match, the gateway's filters and the
 * implementation's, its timeouts and a backendRef to the Service port. The implementation's objects (policies,
 * Middlewares) go next to it, a BackendTLSPolicy when the backend speaks TLS, and a ReferenceGrant when the Gateway
 * reads the route's Secret from another namespace. Options the implementation can not apply are recorded on the
 * route (CG-GATEWAY-003 fails synth on them).
 *
 * Named like the route's Ingress: the same construct id when there is no Ingress, else the Ingress's name, so
 * flipping the API keeps object names.
 */
export function renderGatewayApiRoute(route: Route, binding: GatewayApiBinding): ApiObject {
  const ingress = route.node.tryFindChild(ROUTE_INGRESS_ID) as ApiObject | undefined;
  const existing = route.node.tryFindChild(ingress?.kind === 'Ingress' ? ROUTE_GATEWAY_API_ID : ROUTE_INGRESS_ID) as ApiObject | undefined;
  if (existing && existing.kind !== 'Ingress') return existing;
  if (!ingress) rejectInputs(route, route.backend._problems());

  const kind = routeKindOf(route);
  const matchType = PATH_MATCH_TYPES[route.pathType];
  if (matchType === undefined) {
    rejectInput(route, 'pathType', route.pathType, 'the Gateway API has no ImplementationSpecific path match; use PathType.PREFIX or PathType.EXACT');
  }
  if (kind === 'GRPCRoute' && route.path !== '/') {
    rejectInput(route, 'path', route.path, 'a GRPCRoute matches gRPC services and methods, not paths; route the whole host (path "/")');
  }
  const port = route.backend.port;
  if (port.number === undefined && port.name !== undefined) {
    rejectInput(route, 'backend.port', port.name, 'a Gateway API backendRef names its Service port by number; give the port number');
  }
  const name = route.ingressName ?? ingress?.name;
  const object = new ApiObject(route, ingress ? ROUTE_GATEWAY_API_ID : ROUTE_INGRESS_ID, {
    apiVersion: GATEWAY_API_VERSION,
    kind,
    metadata: {
      ...(name ? { name } : {}),
      ...(route._backendNamespace ? { namespace: route._backendNamespace } : {}),
      labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
    },
  });
  // Translated once the object has its name: the implementation's policies refer to the route by it.
  const translation: GatewayApiRouteTranslation = binding.implementation.translateRouteOptions({ ...binding.routeOptionDefaults, ...route.options }, {
    kind, name: object.name, namespace: route.namespace,
  });
  // A gateway default the implementation can not apply is the gateway's gap (recorded on its Gateway), not the route's.
  const unsupported = translation.unsupported.filter((key) => (route.options as { [key: string]: unknown })[key] !== undefined);
  if (unsupported.length > 0) object.metadata.addAnnotation(ANNOTATION_UNSUPPORTED_ROUTE_OPTIONS, encodeList(unsupported));
  const filters = [...binding.routeFilters, ...translation.filters];
  const rule = {
    ...(kind === 'HTTPRoute' ? { matches: [{ path: { type: matchType ?? 'PathPrefix', value: route.path } }] } : {}),
    ...(filters.length > 0 ? { filters } : {}),
    backendRefs: [{ name: route.backend.serviceName, ...(port.number !== undefined ? { port: port.number } : {}) }],
    ...(kind === 'HTTPRoute' && translation.timeouts ? { timeouts: { ...translation.timeouts } } : {}),
  };
  object.addJsonPatch(JsonPatch.add('/spec', {
    parentRefs: [binding.inListenerSet(route)
      ? { group: GATEWAY_API_GROUP, kind: 'ListenerSet', name: listenerSetName(binding), sectionName: sectionNameFor(route, binding) }
      : {
        group: GATEWAY_API_GROUP,
        kind: 'Gateway',
        name: binding.gatewayName,
        ...(binding.gatewayNamespace !== route.namespace ? { namespace: binding.gatewayNamespace } : {}),
        sectionName: sectionNameFor(route, binding),
      }],
    hostnames: [route.host],
    rules: [rule],
  }));
  for (const extra of translation.objects) {
    new ApiObject(route, `${extra.kind}-${extra.name}`, {
      apiVersion: extra.apiVersion,
      kind: extra.kind,
      metadata: { name: extra.name, namespace: route.namespace, labels: { [LABEL_MANAGED_BY]: MANAGED_BY } },
      spec: extra.spec,
    });
  }
  renderBackendTlsPolicy(route);
  if (binding.inListenerSet(route)) ensureListenerSet(route, binding);
  grantGatewaySecret(route, binding);
  return object;
}
