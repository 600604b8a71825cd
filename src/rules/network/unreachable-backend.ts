import { NAMESPACE_NAME_LABEL } from '../../labels';
import { effectiveClassOf, serviceBackends, singleDefaultClass } from '../ingress/ingress-facts';
import { controllerPodsForClass } from '../known-controllers';
import { ClusterModel, containersOf, isObject, labelSelectorMatches, labelsMatch, listOf, ManifestObject, PodTemplateRef } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** The controller pods a policy rule must admit, and the backend port they connect to. */
interface Flow {
  readonly fromNamespace: string;
  readonly fromLabels: Record<string, string>;
  readonly port?: number;
  readonly portName?: string;
}

/** Does a NetworkPolicy rule's port list admit a TCP connection to this port (number and/or name)? */
function portsAdmit(ports: any[] | undefined, port: number | undefined, portName: string | undefined): boolean {
  // Ingress controllers proxy over TCP: an entry for another protocol does not admit them.
  return !ports || ports.length === 0 || ports.filter((p) => isObject(p) && (p.protocol ?? 'TCP') === 'TCP').some((p) => p.port === undefined
    || (port !== undefined && (p.port === port || (typeof p.port === 'number' && p.endPort !== undefined && port >= p.port && port <= p.endPort)))
    || (portName !== undefined && p.port === portName));
}

/** Does a peer list (`from` or `to`) include pods with these labels in this namespace? Absent or empty means everyone. */
function peersInclude(
  peers: any[] | undefined, model: ClusterModel, policyNs: string, namespace: string, labels: Record<string, string>,
): boolean {
  if (!peers || peers.length === 0) return true;
  const namespaceLabels = namespaceLabelsOf(model, namespace);
  return peers.some((peer) => {
    if (!isObject(peer) || peer.ipBlock) return false; // pod-to-pod traffic is not matched by ipBlock peers in most CNIs
    const nsOk = peer.namespaceSelector ? labelSelectorMatches(peer.namespaceSelector, namespaceLabels) : namespace === policyNs;
    const podOk = peer.podSelector ? labelSelectorMatches(peer.podSelector, labels) : true;
    return nsOk && podOk;
  });
}

/** Does a NetworkPolicy ingress rule admit this flow? */
function ruleAdmits(rule: any, model: ClusterModel, policyNs: string, flow: Flow): boolean {
  return portsAdmit(rule.ports, flow.port, flow.portName) && peersInclude(rule.from, model, policyNs, flow.fromNamespace, flow.fromLabels);
}

/** Does a NetworkPolicy egress rule let the controller reach the backend pods? */
function egressAdmits(
  rule: any, model: ClusterModel, policyNs: string, to: { namespace: string; labels: Record<string, string> }, flow: Flow,
): boolean {
  return portsAdmit(rule.ports, flow.port, flow.portName) && peersInclude(rule.to, model, policyNs, to.namespace, to.labels);
}

/** Policies of a namespace that restrict the given direction. */
function restricting(policies: ManifestObject[] | undefined, type: 'Ingress' | 'Egress'): ManifestObject[] {
  return (policies ?? []).filter((p) => {
    const types = p.json.spec?.policyTypes;
    // Without policyTypes the API server sets Ingress, plus Egress when the policy has egress rules.
    const effective: string[] = Array.isArray(types) ? types : ['Ingress', ...(listOf(p.json.spec?.egress).length > 0 ? ['Egress'] : [])];
    return effective.includes(type);
  });
}

/** Namespace labels by name, computed once per model: many tenants must not make every peer check scan every Namespace. */
const NAMESPACE_LABELS = new WeakMap<ClusterModel, { objects: Map<string, ManifestObject>; labels: Map<string, Record<string, string>> }>();

function namespaceLabelsOf(model: ClusterModel, namespace: string): Record<string, string> {
  let index = NAMESPACE_LABELS.get(model);
  if (!index) {
    index = { objects: new Map(model.ofKind('Namespace').map((n) => [n.name, n])), labels: new Map() };
    NAMESPACE_LABELS.set(model, index);
  }
  let labels = index.labels.get(namespace);
  if (!labels) {
    labels = { ...(index.objects.get(namespace)?.labels ?? {}), [NAMESPACE_NAME_LABEL]: namespace };
    index.labels.set(namespace, labels);
  }
  return labels;
}

/**
 * The egress rules of a policy that could reach a namespace. A controller policy has one rule per backend namespace,
 * so rules whose every peer names its namespace by `kubernetes.io/metadata.name` are indexed by that name; the rest
 * are checked for every destination. Keeps the rule linear in the number of routes.
 */
const EGRESS_INDEX = new WeakMap<ManifestObject, { generic: any[]; byNamespace: Map<string, any[]> }>();

function egressRulesTowards(policy: ManifestObject, namespace: string): any[] {
  let index = EGRESS_INDEX.get(policy);
  if (!index) {
    const built = { generic: [] as any[], byNamespace: new Map<string, any[]>() };
    for (const rule of listOf(policy.json.spec?.egress).filter(isObject)) {
      const names = listOf(rule.to).map(namespaceNameOf);
      if (names.length === 0 || names.some((n) => n === undefined)) {
        built.generic.push(rule);
        continue;
      }
      for (const name of new Set(names as string[])) built.byNamespace.set(name, [...(built.byNamespace.get(name) ?? []), rule]);
    }
    index = built;
    EGRESS_INDEX.set(policy, index);
  }
  return [...index.generic, ...(index.byNamespace.get(namespace) ?? [])];
}

/** The namespace a peer selects by `kubernetes.io/metadata.name` alone; undefined for any other peer. */
function namespaceNameOf(peer: any): string | undefined {
  if (!isObject(peer) || peer.ipBlock || !isObject(peer.namespaceSelector)) return undefined;
  const { matchLabels, matchExpressions } = peer.namespaceSelector;
  if (listOf(matchExpressions).length > 0 || !isObject(matchLabels)) return undefined;
  const keys = Object.keys(matchLabels);
  return keys.length === 1 && keys[0] === NAMESPACE_NAME_LABEL && typeof matchLabels[NAMESPACE_NAME_LABEL] === 'string' ? matchLabels[NAMESPACE_NAME_LABEL] : undefined;
}

/** The container port a Service port leads to on the selected pods, as number and name; undefined when the Service has no such port. */
function targetOf(service: ManifestObject, backendPort: any, pods: PodTemplateRef[]): { number?: number; name?: string } | undefined {
  const svcPort = (service.json.spec?.ports ?? [])
    .find((p: any) => (backendPort.number !== undefined ? p.port === backendPort.number : p.name === backendPort.name));
  if (!svcPort) return undefined;
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === 'number') {
    const named = pods.flatMap((p) => containersOf(p)).flatMap((c) => c.container.ports ?? []).find((p: any) => p.containerPort === target);
    return { number: target, name: named?.name };
  }
  const numbered = pods.flatMap((p) => containersOf(p)).flatMap((c) => c.container.ports ?? []).find((p: any) => p.name === target);
  return { name: target, number: numbered?.containerPort };
}

export const UNREACHABLE_BACKEND = defineRule({
  id: 'CG-NETPOL-001',
  severity: Severity.ERROR,
  description: 'A NetworkPolicy isolates an Ingress backend and no policy lets the serving controller reach it, or the controller\'s egress policy does not let it out to the backend (the classic 504)',
  fix: 'Allow ingress from the controller namespace and pods on the backend target port, and egress from the controller to the backend namespace and pods on that port (routes created in a Tenant, and the controllers of this library\'s gateways, get both automatically)',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass', 'Service', 'NetworkPolicy', 'Namespace', 'ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    const policies = model.ofKind('NetworkPolicy');
    if (policies.length === 0) return;
    const policiesByNs = groupBy(policies, (p) => p.namespace!);
    const servicesByKey = new Map(model.ofKind('Service').map((s) => [`${s.namespace}/${s.name}`, s]));
    const podsByNs = groupBy(model.podTemplates(), (p) => p.object.namespace!);
    const classes = new Map(model.ofKind('IngressClass').map((c) => [c.name, c]));
    const defaultClass = singleDefaultClass(model);
    const controllersByClass = new Map<string, PodTemplateRef[]>();

    for (const ingress of model.ofKind('Ingress')) {
      const className = effectiveClassOf(ingress, defaultClass);
      const ingressClass = className ? classes.get(className) : undefined;
      if (!ingressClass) continue;
      if (!controllersByClass.has(ingressClass.name)) controllersByClass.set(ingressClass.name, controllerPodsForClass(model, ingressClass));
      const controllers = controllersByClass.get(ingressClass.name)!;
      if (controllers.length === 0) continue; // a cloud-managed or external controller: its source is not a pod we can see
      const nsPolicies = restricting(policiesByNs.get(ingress.namespace!), 'Ingress');

      for (const { field, service } of serviceBackends(ingress)) {
        const svc = servicesByKey.get(`${ingress.namespace}/${service.name}`);
        const selector = svc?.json.spec?.selector;
        if (!svc || !selector) continue;
        const backendPods = (podsByNs.get(ingress.namespace!) ?? []).filter((p) => labelsMatch(selector, p.labels));
        if (backendPods.length === 0) continue;
        const target = targetOf(svc, service.port ?? {}, backendPods);
        if (!target) continue; // the backend names a port this Service does not have
        const port = target.number ?? target.name;
        const flow = (controller: PodTemplateRef): Flow => ({
          fromNamespace: controller.object.namespace!, fromLabels: controller.labels, port: target.number, portName: target.name,
        });

        // The backend side: policies selecting the backend pods must admit every controller pod.
        const selecting = nsPolicies.filter((p) => backendPods.some((pod) => labelSelectorMatches(p.json.spec?.podSelector ?? {}, pod.labels)));
        if (selecting.length > 0) {
          const reachable = controllers.every((controller) => selecting.some((policy) => listOf(policy.json.spec?.ingress)
            .some((rule: any) => isObject(rule) && ruleAdmits(rule, model, policy.namespace!, flow(controller)))));
          if (!reachable) {
            report({
              object: ingress,
              field: `${field}`,
              value: service,
              message: `NetworkPolicy ${selecting.map((p) => p.name).join(', ')} isolates the pods of Service ${svc.name}, and none admits the "${ingressClass.name}" controller (namespace ${controllers[0].object.namespace}) on port ${port}`,
            });
            continue;
          }
        }

        // The controller side: egress policies selecting a controller pod must let it out to every backend pod.
        for (const controller of controllers) {
          const egress = restricting(policiesByNs.get(controller.object.namespace!), 'Egress')
            .filter((p) => labelSelectorMatches(p.json.spec?.podSelector ?? {}, controller.labels));
          if (egress.length === 0) continue;
          const reachable = backendPods.every((pod) => egress.some((policy) => egressRulesTowards(policy, ingress.namespace!)
            .some((rule: any) => isObject(rule)
              && egressAdmits(rule, model, policy.namespace!, { namespace: ingress.namespace!, labels: pod.labels }, flow(controller)))));
          if (!reachable) {
            report({
              object: ingress,
              field: `${field}`,
              value: service,
              message: `NetworkPolicy ${egress.map((p) => `${p.namespace}/${p.name}`).join(', ')} restricts the egress of the "${ingressClass.name}" controller (${controller.object.ref}), and none lets it reach the pods of Service ${svc.name} in namespace ${ingress.namespace} on port ${port}`,
            });
            break;
          }
        }
      }
    }
  },
});

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
