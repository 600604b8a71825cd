import { NAMESPACE_NAME_LABEL } from '../../labels';
import { effectiveClassOf, serviceBackends, singleDefaultClass } from '../ingress/ingress-facts';
import { controllerPodsForClass } from '../known-controllers';
import { ClusterModel, containersOf, isObject, labelSelectorMatches, labelsMatch, ManifestObject, PodTemplateRef } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** The controller pods a policy rule must admit, and the backend port they connect to. */
interface Flow {
  readonly fromNamespace: string;
  readonly fromLabels: Record<string, string>;
  readonly port?: number;
  readonly portName?: string;
}

/** Does a NetworkPolicy ingress rule admit this flow? */
function ruleAdmits(rule: any, model: ClusterModel, policyNs: string, flow: Flow): boolean {
  const { fromNamespace, fromLabels, port, portName } = flow;
  const ports: any[] | undefined = rule.ports;
  // Ingress controllers proxy over TCP: an entry for another protocol does not admit them.
  const portOk = !ports || ports.length === 0 || ports.filter((p) => (p.protocol ?? 'TCP') === 'TCP').some((p) => p.port === undefined
    || (port !== undefined && (p.port === port || (typeof p.port === 'number' && p.endPort !== undefined && port >= p.port && port <= p.endPort)))
    || (portName !== undefined && p.port === portName));
  if (!portOk) return false;
  const peers: any[] | undefined = rule.from;
  if (!peers || peers.length === 0) return true;
  const namespaceLabels = namespaceLabelsOf(model, fromNamespace);
  return peers.some((peer) => {
    if (peer.ipBlock) return false; // pod-to-pod traffic is not matched by ipBlock peers in most CNIs
    const nsOk = peer.namespaceSelector ? labelSelectorMatches(peer.namespaceSelector, namespaceLabels) : fromNamespace === policyNs;
    const podOk = peer.podSelector ? labelSelectorMatches(peer.podSelector, fromLabels) : true;
    return nsOk && podOk;
  });
}

function namespaceLabelsOf(model: ClusterModel, namespace: string): Record<string, string> {
  const ns = model.ofKind('Namespace').find((n) => n.name === namespace);
  return { ...(ns?.labels ?? {}), [NAMESPACE_NAME_LABEL]: namespace };
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
  description: 'A NetworkPolicy isolates an Ingress backend and no policy lets the serving controller reach it (the classic 504)',
  fix: 'Allow ingress from the controller namespace and pods on the backend target port (routes on an isolated Tenant get this automatically)',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass', 'Service', 'NetworkPolicy', 'Namespace', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
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
      const nsPolicies = (policiesByNs.get(ingress.namespace!) ?? []).filter((p) => (p.json.spec?.policyTypes ?? ['Ingress']).includes('Ingress'));
      if (nsPolicies.length === 0) continue;

      for (const { field, service } of serviceBackends(ingress)) {
        const svc = servicesByKey.get(`${ingress.namespace}/${service.name}`);
        const selector = svc?.json.spec?.selector;
        if (!svc || !selector) continue;
        const backendPods = (podsByNs.get(ingress.namespace!) ?? []).filter((p) => labelsMatch(selector, p.labels));
        if (backendPods.length === 0) continue;
        const selecting = nsPolicies.filter((p) => backendPods.some((pod) => labelSelectorMatches(p.json.spec?.podSelector ?? {}, pod.labels)));
        if (selecting.length === 0) continue;
        const target = targetOf(svc, service.port ?? {}, backendPods);
        if (!target) continue; // the backend names a port this Service does not have
        const reachable = controllers.every((controller) => selecting.some((policy) => (policy.json.spec?.ingress ?? [])
          .some((rule: any) => isObject(rule) && ruleAdmits(rule, model, policy.namespace!, {
            fromNamespace: controller.object.namespace!, fromLabels: controller.labels, port: target.number, portName: target.name,
          }))));
        if (!reachable) {
          report({
            object: ingress,
            field: `${field}`,
            value: service,
            message: `NetworkPolicy ${selecting.map((p) => p.name).join(', ')} isolates the pods of Service ${svc.name}, and none admits the "${ingressClass.name}" controller (namespace ${controllers[0].object.namespace}) on port ${target.number ?? target.name}`,
          });
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
