import { defaultServiceBackend, effectiveClassOf, singleDefaultClass } from '../facts/ingress';
import { controllerPodsForClass } from '../facts/known-controllers';
import { egressRulesTowards, isolatingPolicies, policiesIsolatingIn, PolicyPeer, policyRuleAdmits, policySelects } from '../facts/network-policy';
import { RouteFact } from '../facts/route-fact';
import { routesBySource } from '../facts/routes';
import { containerPortOn, groupBy, labelsMatch, listOf, ManifestObject, PodTemplateRef, serviceTargetPort } from '../model';
import { defineRule } from '../rule';
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

export const UNREACHABLE_BACKEND = defineRule({
  id: 'CG-NETPOL-001',
  severity: Severity.ERROR,
  description: 'A NetworkPolicy isolates an Ingress backend and no policy lets the serving controller reach it, or the controller\'s egress policy does not let it out to the backend (the classic 504)',
  fix: 'Allow ingress from the controller namespace and pods on the backend target port, and egress from the controller to the backend namespace and pods on that port (routes created in a Tenant, and the controllers of this library\'s gateways, get both automatically)',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass', 'Service', 'NetworkPolicy', 'Namespace', 'ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    if (model.ofKind('NetworkPolicy').length === 0) return;
    const servicesByKey = new Map(model.ofKind('Service').map((s) => [`${s.namespace}/${s.name}`, s]));
    const podsByNs = groupBy(model.podTemplates(), (p) => p.object.namespace!);
    const classes = new Map(model.ofKind('IngressClass').map((c) => [c.name, c]));
    const defaultClass = singleDefaultClass(model);
    const controllersByClass = new Map<string, PodTemplateRef[]>();

    for (const [ingress, routes] of routesBySource(model)) {
      // Gateway API parents get their proxy pods from the Gateway API facts once that producer is listed in routes.ts.
      if (ingress.kind !== 'Ingress') continue;
      const className = effectiveClassOf(ingress, defaultClass);
      const ingressClass = className ? classes.get(className) : undefined;
      if (!ingressClass) continue;
      if (!controllersByClass.has(ingressClass.name)) controllersByClass.set(ingressClass.name, controllerPodsForClass(model, ingressClass));
      const controllers = controllersByClass.get(ingressClass.name)!;
      if (controllers.length === 0) continue; // a cloud-managed or external controller: its source is not a pod we can see
      const nsPolicies = policiesIsolatingIn(model, ingress.namespace!, 'Ingress');

      for (const { field, service } of backendsOf(ingress, routes)) {
        const svc = servicesByKey.get(`${ingress.namespace}/${service.name}`);
        const selector = svc?.json.spec?.selector;
        if (!svc || !selector) continue;
        const backendPods = (podsByNs.get(ingress.namespace!) ?? []).filter((p) => labelsMatch(selector, p.labels));
        if (backendPods.length === 0) continue;
        const target = serviceTargetPort(svc, service.port ?? {});
        if (target === undefined) continue; // the backend names a port this Service does not have
        const flows = backendFlows(backendPods, target);
        const portOf = (flow: BackendFlow) => flow.port.number ?? flow.port.name;

        // The backend side: policies selecting the backend pods must admit every controller pod.
        const refused = flows
          .map((flow) => ({ flow, selecting: nsPolicies.filter((p) => flow.pods.some((pod) => policySelects(p, pod.labels))) }))
          .find(({ flow, selecting }) => selecting.length > 0 && !controllers.every((controller) => selecting.some((policy) =>
            listOf(policy.json.spec?.ingress).some((rule) =>
              policyRuleAdmits(model, rule, 'from', policy.namespace!, podPeer(controller), flow.port.number, flow.port.name)))));
        if (refused) {
          report({
            object: ingress,
            field: `${field}`,
            value: service,
            message: `NetworkPolicy ${refused.selecting.map((p) => p.name).join(', ')} isolates the pods of Service ${svc.name}, and none admits the "${ingressClass.name}" controller (namespace ${controllers[0].object.namespace}) on port ${portOf(refused.flow)}`,
          });
          continue;
        }

        // The controller side: egress policies selecting a controller pod must let it out to every backend pod.
        for (const controller of controllers) {
          const egress = isolatingPolicies(model, controller.object.namespace!, controller.labels, 'Egress');
          if (egress.length === 0) continue;
          const unreached = flows.find((flow) => !flow.pods.every((pod) => egress.some((policy) =>
            egressRulesTowards(policy, ingress.namespace!).some((rule) =>
              policyRuleAdmits(model, rule, 'to', policy.namespace!, podPeer(pod), flow.port.number, flow.port.name)))));
          if (unreached) {
            report({
              object: ingress,
              field: `${field}`,
              value: service,
              message: `NetworkPolicy ${egress.map((p) => `${p.namespace}/${p.name}`).join(', ')} restricts the egress of the "${ingressClass.name}" controller (${controller.object.ref}), and none lets it reach the pods of Service ${svc.name} in namespace ${ingress.namespace} on port ${portOf(unreached)}`,
            });
            break;
          }
        }
      }
    }
  },
});

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
      service: {
        name: backend.serviceName,
        port: typeof backend.port === 'number' ? { number: backend.port } : backend.port === undefined ? {} : { name: backend.port },
      },
    }))),
  ];
}
