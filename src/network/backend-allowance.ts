import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { namespacePeer, sortedNumbers } from './peers';
import { AppContext, ContextKey } from '../core/app-context';
import { rejectInput } from '../core/input/reject-input';
import { LABEL_INGRESS_CLASS, LABEL_MANAGED_BY, LABEL_UNIDENTIFIED_BACKEND, MANAGED_BY } from '../core/manifest-contract';
import { Route } from '../routing/route';

/** Matches no pod: the allowance stays closed while the synth fails on the unidentified backend. */
const NO_POD = { [LABEL_UNIDENTIFIED_BACKEND]: 'true' };

/** The gateway side of an allowance: which controller pods, where. Internal. */
export interface GatewayPeer {
  readonly className: string;
  /** Namespace of the controller pods. */
  readonly namespace: string;
  /** Labels of the controller pods; undefined when the proxy runs outside the cluster (cloud-managed). */
  readonly podLabels?: { [key: string]: string };
  /** Why the proxy pods are unknown when they run in the cluster (an existing GatewayClass); undefined for cloud-managed proxies. */
  readonly proxyUnknownReason?: string;
}

/** The app's allowances by `<namespace>/<class>/<service>`, a slot of the app context. */
const ALLOWANCES = new ContextKey('backend allowances', () => new Map<string, BackendAllowancePolicy | undefined>());

/**
 * Admits the gateway's controller pods to the route's backend pods on its target port, when the route's namespace
 * is isolated (`NetworkIsolation`). Routes of one gateway to one Service share a policy (`allow-<class>-to-<service>`)
 * whose ports are the union of their target ports. Called by the gateway when it renders the route (at synth).
 */
export function allowGatewayToBackend(gateway: GatewayPeer, route: Route): void {
  const namespace = route.namespace;
  const context = AppContext.of(route);
  if (!context.isIsolated(namespace)) return;
  const byKey = context.get(ALLOWANCES);
  const key = `${namespace}/${gateway.className}/${route.backend.serviceName}`;
  if (byKey.has(key)) {
    byKey.get(key)?.addRoute(route);
    return;
  }
  if (!gateway.podLabels) {
    // Cloud load balancers reach pods from addresses this library can not know; an allowance would be a guess.
    rejectInput(route, 'gateway', gateway.className, gateway.proxyUnknownReason
      ? `route (host "${route.host}") is on gateway "${gateway.className}", and its namespace "${namespace}" is isolated: ${gateway.proxyUnknownReason}. `
        + 'Use a gateway whose proxy pods the library knows for isolated namespaces, or admit the proxy pods with your own NetworkPolicy'
      : `route (host "${route.host}") is on gateway "${gateway.className}", whose proxy runs outside `
      + `the cluster, and its namespace "${namespace}" is isolated: no NetworkPolicy can name the load balancer's addresses portably. `
      + 'Use a self-hosted gateway for isolated namespaces, or admit the load balancer subnets with your own NetworkPolicy');
    byKey.set(key, undefined);
    return;
  }
  byKey.set(key, new BackendAllowancePolicy(route, 'GatewayAllowance', { gateway, podLabels: gateway.podLabels, namespace, route }));
}

interface BackendAllowancePolicyProps {
  readonly gateway: GatewayPeer;
  readonly podLabels: { [key: string]: string };
  readonly namespace: string;
  readonly route: Route;
}

/**
 * A NetworkPolicy in an isolated namespace that admits one gateway's controller pods to one Service's pods on
 * the target ports of the routes to it: one ApiObject under the first route (`<route>/GatewayAllowance`), no construct
 * of its own. Pods and ports are resolved at synth; a backend whose pods or target port can not be identified fails
 * synth rather than leave a hole (or a 504).
 */
class BackendAllowancePolicy extends ApiObject {
  private readonly routes: Route[];

  constructor(scope: Construct, id: string, props: BackendAllowancePolicyProps) {
    const { gateway, namespace, route } = props;
    const routes = [route];
    // A plain ApiObject, not the typed KubeNetworkPolicy, whose conversion would copy the object once more at synth.
    super(scope, id, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: {
        name: `allow-${gateway.className}-to-${route.backend.serviceName}`,
        namespace,
        labels: { [LABEL_MANAGED_BY]: MANAGED_BY, [LABEL_INGRESS_CLASS]: gateway.className },
      },
      spec: {
        podSelector: Lazy.any({ produce: () => ({ matchLabels: backendPodLabels(routes, namespace) }) }),
        policyTypes: ['Ingress'],
        ingress: [{
          from: [namespacePeer(gateway.namespace, props.podLabels)],
          ports: Lazy.any({ produce: () => targetPorts(routes).map((port) => ({ protocol: 'TCP', port })) }),
        }],
      },
    });
    this.routes = routes;
  }

  /** Adds a route to the same Service through the same gateway (idempotent: gateways may bind a route more than once). */
  public addRoute(route: Route): void {
    if (!this.routes.includes(route)) this.routes.push(route);
  }

}

/** The backend pods; a selector that matches nothing when they or a target port are unknown (CG-INPUT-001 fails the synth). */
function backendPodLabels(routes: Route[], namespace: string): { [key: string]: string } {
  const labels = routes[0].backend.podLabels;
  if (!labels) {
    rejectInput(routes[0], 'backend', routes[0].backend.serviceName, unidentified(routes[0], namespace, 'pods'));
    return NO_POD;
  }
  const portless = routes.find((route) => route.backend.targetPort === undefined);
  if (portless) {
    rejectInput(portless, 'backend', portless.backend.serviceName, unidentified(portless, namespace, 'target port'));
    return NO_POD;
  }
  return labels;
}

function targetPorts(routes: Route[]): number[] {
  return sortedNumbers(routes.map((route) => route.backend.targetPort).filter((port): port is number => port !== undefined));
}

function unidentified(route: Route, namespace: string, what: string): string {
  return `route ${route.node.path} (host "${route.host}"): the ${what} of backend Service "${route.backend.serviceName}" in isolated namespace "${namespace}" `
    + 'can not be identified, so no NetworkPolicy can admit the gateway to it. Route to a cdk8s-plus Service that selects its pods '
    + '(RouteBackend.fromService), or give RouteBackend.fromServiceName(name, { podLabels, targetPort })';
}
