/**
 * HTTPRoutes and GRPCRoutes as route facts, so the host, path, backend, TLS and reachability rules written over
 * RouteFact judge them like Ingress paths.
 */
import { gatewayApiObjects, GATEWAY_API_GROUP, parentRefsOf, routeHostnames } from './gateway-api';
import { RouteBackendFact, RouteFact, RouteParentFact } from './route-fact';
import { ClusterModel, isObject, listOf, ManifestObject } from '../model';

/** A path match the way a RouteFact records it. */
interface PathMatch {
  readonly path: string;
  readonly pathType: string;
  readonly field: string;
}

/**
 * One fact per (parentRef x hostname x match) of every HTTPRoute and GRPCRoute in the Gateway API group.
 *
 * - A route without hostnames gets host `*` (it takes the hostnames of the listeners it attaches to).
 * - A rule without matches matches everything: one fact with path `/` and type `PathPrefix` (the CRD default).
 * - HTTPRoute path matches keep their type (`PathPrefix` default, `Exact`, `RegularExpression`) and value (`/` default).
 * - GRPCRoute method matches become the HTTP/2 request path gRPC uses, `/<service>/<method>`: service and method
 *   given, an `Exact` path; only the service, a `PathPrefix` of `/<service>/`; only the method, or neither, a
 *   `PathPrefix` of `/` (any service). A `RegularExpression` method match keeps its type with the same joined path.
 * - Backends are `backendRefs` to core Services (group `""`, kind `Service`, the defaults); other kinds are left out.
 * - Parents are parentRefs to a Gateway or a ListenerSet; a route with none yields no fact (it attaches nowhere).
 */
export function gatewayApiRouteFacts(model: ClusterModel): RouteFact[] {
  const facts: RouteFact[] = [];
  for (const route of [...gatewayApiObjects(model, 'HTTPRoute'), ...gatewayApiObjects(model, 'GRPCRoute')]) {
    const parents = parentsOf(route);
    if (parents.length === 0) continue;
    const hostnames = routeHostnames(route);
    const hosts = hostnames.length > 0 ? hostnames : ['*'];
    listOf(route.json.spec?.rules).forEach((rule, i) => {
      if (!isObject(rule)) return;
      const field = `spec.rules[${i}]`;
      const backends = backendsOf(route, rule, field);
      const matches = route.kind === 'GRPCRoute' ? grpcMatches(rule, field) : httpMatches(rule, field);
      for (const parent of parents) {
        for (const host of hosts) {
          for (const match of matches) {
            facts.push({
              source: route,
              api: 'gateway-api',
              namespace: route.namespace!,
              host,
              path: match.path,
              pathType: match.pathType,
              backends,
              parent,
              field: match.field,
            });
          }
        }
      }
    });
  }
  return facts;
}

function parentsOf(route: ManifestObject): RouteParentFact[] {
  return parentRefsOf(route)
    .filter((ref) => ref.group === GATEWAY_API_GROUP && (ref.kind === 'Gateway' || ref.kind === 'ListenerSet'))
    .map((ref) => ({
      kind: ref.kind as 'Gateway' | 'ListenerSet',
      name: ref.name,
      namespace: ref.namespace,
      sectionName: ref.sectionName,
      port: ref.port,
    }));
}

function backendsOf(route: ManifestObject, rule: Record<string, any>, field: string): RouteBackendFact[] {
  const backends: RouteBackendFact[] = [];
  listOf(rule.backendRefs).forEach((ref, k) => {
    if (!isObject(ref) || typeof ref.name !== 'string') return;
    const group = typeof ref.group === 'string' ? ref.group : '';
    const kind = typeof ref.kind === 'string' ? ref.kind : 'Service';
    if (group !== '' || kind !== 'Service') return;
    backends.push({
      serviceName: ref.name,
      namespace: typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : route.namespace!,
      port: typeof ref.port === 'number' ? ref.port : undefined,
      field: `${field}.backendRefs[${k}]`,
    });
  });
  return backends;
}

function httpMatches(rule: Record<string, any>, field: string): PathMatch[] {
  const matches = listOf(rule.matches);
  if (matches.length === 0) return [{ path: '/', pathType: 'PathPrefix', field }];
  return matches.map((m, j) => {
    const path = isObject(m) && isObject(m.path) ? m.path : {};
    return {
      path: typeof path.value === 'string' ? path.value : '/',
      pathType: typeof path.type === 'string' ? path.type : 'PathPrefix',
      field: `${field}.matches[${j}]`,
    };
  });
}

function grpcMatches(rule: Record<string, any>, field: string): PathMatch[] {
  const matches = listOf(rule.matches);
  if (matches.length === 0) return [{ path: '/', pathType: 'PathPrefix', field }];
  return matches.map((m, j) => {
    const method = isObject(m) && isObject(m.method) ? m.method : {};
    const service = typeof method.service === 'string' && method.service !== '' ? method.service : undefined;
    const name = typeof method.method === 'string' && method.method !== '' ? method.method : undefined;
    const type = typeof method.type === 'string' ? method.type : 'Exact';
    const at = `${field}.matches[${j}]`;
    if (service !== undefined && name !== undefined) return { path: `/${service}/${name}`, pathType: type, field: at };
    if (service !== undefined) return { path: `/${service}/`, pathType: type === 'RegularExpression' ? type : 'PathPrefix', field: at };
    return { path: '/', pathType: 'PathPrefix', field: at };
  });
}
