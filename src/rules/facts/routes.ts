/**
 * Every route of the model, whichever API declared it: the producers' facts concatenated, computed once per model
 * (several rules read them in one evaluation). A new route API adds its producer here.
 */
import { gatewayApiRouteFacts } from './gateway-api-routes';
import { isLegacyIngress } from './ingress';
import { ingressRouteFacts } from './ingress-routes';
import { RouteBackendFact, RouteFact, RouteParentFact } from './route-fact';
import { ClusterModel, ManifestObject } from '../model';

const factsByModel = new WeakMap<ClusterModel, readonly RouteFact[]>();

/** The route facts of `model`: Ingress rule paths, then HTTPRoute and GRPCRoute matches. */
export function routeFacts(model: ClusterModel): readonly RouteFact[] {
  let facts = factsByModel.get(model);
  if (!facts) {
    facts = [...ingressRouteFacts(model), ...gatewayApiRouteFacts(model)];
    factsByModel.set(model, facts);
  }
  return facts;
}

/**
 * The route facts grouped by the object that declares them: every Ingress first, in manifest order (an Ingress
 * with only a default backend maps to no route), then the other route sources in the order of their facts.
 */
export function routesBySource(model: ClusterModel): Map<ManifestObject, RouteFact[]> {
  const result = new Map<ManifestObject, RouteFact[]>(model.ofKind('Ingress').map((ingress) => [ingress, []]));
  for (const route of routeFacts(model)) {
    const routes = result.get(route.source);
    if (routes) routes.push(route);
    else result.set(route.source, [route]);
  }
  return result;
}

/** JSON path of a backend's Service name: `name` under the reference, `serviceName` in removed Ingress API versions. */
export function backendNameField(route: RouteFact, backend: RouteBackendFact): string {
  return route.api === 'ingress' && isLegacyIngress(route.source) ? `${backend.field}.serviceName` : `${backend.field}.name`;
}

/** JSON path of a backend's port: `port` under the reference, `servicePort` in removed Ingress API versions. */
export function backendPortField(route: RouteFact, backend: RouteBackendFact): string {
  return route.api === 'ingress' && isLegacyIngress(route.source) ? `${backend.field}.servicePort` : `${backend.field}.port`;
}

/**
 * How messages name a route's parent: `class "public"` for an IngressClass (an Ingress without a class gets
 * `defaultClass`, else `(no class)`), `Gateway shop/web` (with `/section` when given) for the Gateway API.
 */
export function describeParent(parent: RouteParentFact, defaultClass: string | undefined): string {
  if (parent.kind === 'IngressClass') return `class "${parent.name ?? defaultClass ?? '(no class)'}"`;
  return `${parent.kind} ${parent.namespace}/${parent.name}${parent.sectionName ? `/${parent.sectionName}` : ''}`;
}
