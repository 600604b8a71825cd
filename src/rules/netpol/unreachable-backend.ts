import { gatewayApiFacts } from '../facts/gateway-api';
import { gatewayProxies } from '../facts/gateway-api-proxies';
import { defaultServiceBackend, effectiveClassOf, singleDefaultClass } from '../facts/ingress';
import { controllerPodsForClass } from '../facts/known-controllers';
import { egressRulesTowards, isolatingPolicies, policiesIsolatingIn, PolicyPeer, policyRuleAdmits, policySelects } from '../facts/network-policy';
import { RouteBackendFact, RouteFact } from '../facts/route-fact';
import { routesBySource } from '../facts/routes';
import { ClusterModel, containerPortOn, groupBy, labelsMatch, listOf, ManifestObject, PodTemplateRef, serviceTargetPort } from '../model';
import { defineRule, Violation } from '../rule';
import { Severity } from '../severity';

/** Backend pods a controller connects to on one port: a named target port can land on different numbers per pod. */
interface BackendFlow {
  readonly pods: PodTemplateRef[];
  readonly port: { readonly number?: number; readonly name?: string };
}

/** A pod as the peer of a NetworkPolicy rule. */
function podPeer(pod: PodTemplateRef): PolicyPeer {
  return { namespace: pod.object.namespace!, labels: pod.labels };
}

/** The backend pods grouped by the container port the Service's target port lands on, in pod order. */
function backendFlows(pods: PodTemplateRef[], target: number | string): BackendFlow[] {
  const landed = pods.map((pod) => ({ pod, port: containerPortOn(pod, target) }));
  return [...groupBy(landed, (l) => `${l.port.number ?? ''}\u0000${l.port.name ?? ''}`).values()]
    .map((group) => ({ pods: group.map((l) => l.pod), port: group[0].port }));
}

/** Pods that carry a parent's traffic, as the checks see them: a peer, and how messages name it. */
interface Proxy {
  readonly peer: PolicyPeer;
  /** Where the proxy runs, for egress messages: `Deployment ingress/web-controller`, or `namespace envoy-gateway-system`. */
  readonly ref: string;
}

/** What every backend check needs, computed once per evaluation. */
interface CheckContext {
  readonly model: ClusterModel;
  readonly servicesByKey: Map<string, ManifestObject>;
  readonly podsByNs: Map<string, PodTemplateRef[]>;
  readonly report: (violation: Violation) => void;
}

export const UNREACHABLE_BACKEND = defineRule({
  id: 'CG-NETPOL-001',
  severity: Severity.ERROR,
  description: 'A NetworkPolicy isolates a route\'s backend (Ingress, HTTPRoute, GRPCRoute) and no policy lets the serving controller or proxies reach it, or their egress policy does not let them out to the backend (the classic 504)',
  fix: 'Allow ingress from the controller (or Gateway proxy) namespace and pods on the backend target port, and egress from them to the backend namespace and pods on that port (routes created in a Tenant, and the controllers of this library\'s gateways, get both automatically)',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass', 'HTTPRoute', 'GRPCRoute', 'Gateway', 'GatewayClass', 'ListenerSet', 'Service', 'NetworkPolicy', 'Namespace',
    'ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    if (model.ofKind('NetworkPolicy').length === 0) return;
    const context: CheckContext = {
      model,
      report,
      servicesByKey: new Map(model.ofKind('Service').map((s) => [`${s.namespace}/${s.name}`, s])),
      podsByNs: groupBy(model.podTemplates(), (p) => p.object.namespace!),
    };
    const classes = new Map(model.ofKind('IngressClass').map((c) => [c.name, c]));
    const defaultClass = singleDefaultClass(model);
    const controllersByClass = new Map<string, PodTemplateRef[]>();
    const gatewayFacts = gatewayApiFacts(model);

    for (const [source, routes] of routesBySource(model)) {
      if (source.kind === 'Ingress') {
        const className = effectiveClassOf(source, defaultClass);
        const ingressClass = className ? classes.get(className) : undefined;
        if (!ingressClass) continue;
        if (!controllersByClass.has(ingressClass.name)) controllersByClass.set(ingressClass.name, controllerPodsForClass(model, ingressClass));
        const controllers = controllersByClass.get(ingressClass.name)!;
        if (controllers.length === 0) continue; // a cloud-managed or external controller: its source is not a pod we can see
        const proxies = controllers.map((pod) => ({ peer: podPeer(pod), ref: pod.object.ref }));
        for (const { field, service } of backendsOf(source, routes)) {
          checkBackend(context, { source, field, service, namespace: source.namespace! }, `the "${ingressClass.name}" controller`, proxies);
        }
        continue;
      }
      // Gateway API routes: each parent's Gateway (a ListenerSet's through its parentRef) names its proxies.
      const checked = new Set<string>();
      for (const route of routes) {
        const gateway = route.parent.kind === 'Gateway'
          ? gatewayFacts.gateway(route.parent.namespace!, route.parent.name!)
          : gatewayFacts.listenerSet(route.parent.namespace!, route.parent.name!)?.parent;
        const proxies = gateway ? gatewayProxies(gatewayFacts, gateway) : undefined;
        if (!gateway || !proxies) continue; // an implementation whose proxies these manifests do not show
        for (const backend of route.backends) {
          const key = `${gateway.namespace}/${gateway.object.name}\u0000${backend.field}`;
          if (checked.has(key)) continue;
          checked.add(key);
          const service = serviceReference(backend);
          checkBackend(context, { source, field: backend.field, service, namespace: backend.namespace }, proxies.description,
            [{ peer: proxies.peer, ref: `namespace ${proxies.peer.namespace}` }]);
        }
      }
    }
  },
});

/**
 * One backend of a route: policies isolating its pods must admit every proxy on the target port, and egress
 * policies selecting a proxy must let it out to every backend pod on that port. Reports the first gap.
 */
function checkBackend(
  context: CheckContext,
  backend: { source: ManifestObject; field: string; service: any; namespace: string },
  serving: string,
  proxies: Proxy[],
): void {
  const { model, report } = context;
  const { source, field, service, namespace } = backend;
  const svc = context.servicesByKey.get(`${namespace}/${service.name}`);
  const selector = svc?.json.spec?.selector;
  if (!svc || !selector) return;
  const backendPods = (context.podsByNs.get(namespace) ?? []).filter((p) => labelsMatch(selector, p.labels));
  if (backendPods.length === 0) return;
  const target = serviceTargetPort(svc, service.port ?? {});
  if (target === undefined) return; // the backend names a port this Service does not have
  const flows = backendFlows(backendPods, target);
  const portOf = (flow: BackendFlow) => flow.port.number ?? flow.port.name;
  const nsPolicies = policiesIsolatingIn(model, namespace, 'Ingress');

  // The backend side: policies selecting the backend pods must admit every proxy.
  const refused = flows
    .map((flow) => ({ flow, selecting: nsPolicies.filter((p) => flow.pods.some((pod) => policySelects(p, pod.labels))) }))
    .find(({ flow, selecting }) => selecting.length > 0 && !proxies.every((proxy) => selecting.some((policy) =>
      listOf(policy.json.spec?.ingress).some((rule) =>
        policyRuleAdmits(model, rule, 'from', policy.namespace!, proxy.peer, flow.port.number, flow.port.name)))));
  if (refused) {
    report({
      object: source,
      field,
      value: service,
      message: `NetworkPolicy ${refused.selecting.map((p) => p.name).join(', ')} isolates the pods of Service ${svc.name}, and none admits ${serving} (namespace ${proxies[0].peer.namespace}) on port ${portOf(refused.flow)}`,
    });
    return;
  }

  // The proxy side: egress policies selecting a proxy must let it out to every backend pod.
  for (const proxy of proxies) {
    const egress = isolatingPolicies(model, proxy.peer.namespace, proxy.peer.labels, 'Egress');
    if (egress.length === 0) continue;
    const unreached = flows.find((flow) => !flow.pods.every((pod) => egress.some((policy) =>
      egressRulesTowards(policy, namespace).some((rule) =>
        policyRuleAdmits(model, rule, 'to', policy.namespace!, podPeer(pod), flow.port.number, flow.port.name)))));
    if (unreached) {
      report({
        object: source,
        field,
        value: service,
        message: `NetworkPolicy ${egress.map((p) => `${p.namespace}/${p.name}`).join(', ')} restricts the egress of ${serving} (${proxy.ref}), and none lets it reach the pods of Service ${svc.name} in namespace ${namespace} on port ${portOf(unreached)}`,
      });
      return;
    }
  }
}

/**
 * The Service backends of an Ingress in the shape the checks read (`name`, `port.number` or `port.name`): its
 * default backend, then one per route.
 */
function backendsOf(ingress: ManifestObject, routes: readonly RouteFact[]): Array<{ field: string; service: any }> {
  const fallback = defaultServiceBackend(ingress);
  return [
    ...(fallback ? [{ field: fallback.field, service: fallback.service }] : []),
    ...routes.flatMap((route) => route.backends.map((backend) => ({
      field: backend.field,
      service: serviceReference(backend),
    }))),
  ];
}

/** A route fact's backend in the Ingress v1 shape the checks read: `name`, and `port.number` or `port.name`. */
function serviceReference(backend: RouteBackendFact): { name: string; port: { number?: number; name?: string } } {
  const port = typeof backend.port === 'number' ? { number: backend.port } : backend.port === undefined ? {} : { name: backend.port };
  return { name: backend.serviceName, port };
}
