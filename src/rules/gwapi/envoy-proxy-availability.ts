import { ENVOY_GATEWAY_1_9_0 } from '../../controllers/facts/envoy-gateway-1.9.0';
import { MIN_CONTROLLER_REPLICAS } from '../controller/too-few-replicas';
import { isObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

const FACTS = ENVOY_GATEWAY_1_9_0;
const FIELDS = FACTS.envoyProxyFields;
const KUBERNETES = 'spec.provider.kubernetes';

/** The part of an EnvoyProxy field path below `spec.provider.kubernetes`, as a list of keys. */
function keysBelowProvider(path: string): string[] {
  return path.slice(KUBERNETES.length + 1).split('.');
}

function at(node: unknown, keys: string[]): unknown {
  return keys.reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), node);
}

export const ENVOY_PROXY_NOT_HIGHLY_AVAILABLE = defineRule({
  id: 'CG-GWAPI-030',
  severity: Severity.ERROR,
  description: 'An Envoy Gateway EnvoyProxy lets its proxies run as one replica (no autoscaler minimum or replica count of 2 or more) '
    + 'or without a PodDisruptionBudget, so one node drain or crash drops every route of its Gateways',
  fix: 'Set spec.provider.kubernetes.envoyHpa.minReplicas (or envoyDeployment.replicas without an autoscaler) to 2 or more, '
    + 'and envoyPDB.maxUnavailable: 1 (or minAvailable)',
  manifestLevel: true,
  kinds: [FACTS.parametersRef.value.kind],
  check(model, report) {
    for (const proxy of model.ofKind(FACTS.parametersRef.value.kind)) {
      if (!proxy.apiVersion.startsWith(`${FACTS.parametersRef.value.group}/`)) continue;
      const kubernetes = at(proxy.json, KUBERNETES.split('.'));
      // A DaemonSet runs one proxy per node: replicas and the disruption budget do not apply.
      if (isObject(kubernetes) && kubernetes.envoyDaemonSet !== undefined) continue;
      const hpa = at(kubernetes, ['envoyHpa']);
      if (isObject(hpa)) {
        // With an autoscaler, Envoy Gateway leaves the Deployment's replica count to it (resource_provider.go).
        const min = typeof hpa.minReplicas === 'number' ? hpa.minReplicas : 1;
        if (min < MIN_CONTROLLER_REPLICAS) {
          report({ object: proxy, field: FIELDS.autoscalerMinReplicas.path, value: hpa.minReplicas, message: `the autoscaler may scale the proxies of ${proxy.ref} down to ${min} replica` });
        }
      } else {
        const replicas = at(kubernetes, keysBelowProvider(FIELDS.replicas.path));
        const count = typeof replicas === 'number' ? replicas : FACTS.dataPlane.defaultReplicas.value;
        if (count < MIN_CONTROLLER_REPLICAS) {
          report({ object: proxy, field: FIELDS.replicas.path, value: replicas, message: `${proxy.ref} runs ${count} proxy replica (Envoy Gateway's default is ${FACTS.dataPlane.defaultReplicas.value})` });
        }
      }
      if (!isObject(at(kubernetes, ['envoyPDB']))) {
        report({ object: proxy, field: `${KUBERNETES}.envoyPDB`, value: undefined, message: `${proxy.ref} sets no envoyPDB, so Envoy Gateway creates no PodDisruptionBudget for its proxies` });
      }
    }
  },
});
