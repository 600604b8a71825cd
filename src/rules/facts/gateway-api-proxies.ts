/**
 * Which pods carry a Gateway's traffic, for NetworkPolicy rules. Gateway API implementations often create their proxy
 * pods at run time (Envoy Gateway), so the manifests hold no pod template for them: the Gateway says where they are
 * (`gateways.cdk8s.io/proxy-namespace` and `proxy-pod-labels`, written by this library's gateways), or the
 * implementation's upstream facts do (Envoy Gateway's owning-gateway labels in its controller namespace).
 */
import { GatewayApiFacts, GatewayFact } from './gateway-api';
import { PolicyPeer } from './network-policy';
import { ENVOY_GATEWAY_1_9_0, envoyProxyPodLabels } from '../../controllers/facts/envoy-gateway-1.9.0';
import { ANNOTATION_PROXY_NAMESPACE, ANNOTATION_PROXY_POD_LABELS, decodeLabels } from '../../core/manifest-contract';

/** The proxy pods of a Gateway as a NetworkPolicy peer, and how messages name them. */
export interface GatewayProxies {
  readonly peer: PolicyPeer;
  /** `Gateway infra/web's proxies` (messages add their namespace). */
  readonly description: string;
}

/** The proxies of `gateway`, or undefined when neither the Gateway nor a known implementation says where they run. */
export function gatewayProxies(facts: GatewayApiFacts, gateway: GatewayFact): GatewayProxies | undefined {
  const annotations = gateway.object.annotations;
  const namespace = annotations[ANNOTATION_PROXY_NAMESPACE];
  const labels = decodeLabels(annotations[ANNOTATION_PROXY_POD_LABELS]);
  const recorded = typeof namespace === 'string' && namespace !== '' && Object.keys(labels).length > 0;
  const peer = recorded ? { namespace, labels } : envoyGatewayProxies(facts, gateway);
  return peer ? { peer, description: `Gateway ${gateway.namespace}/${gateway.object.name}'s proxies` } : undefined;
}

/** Envoy Gateway's proxies of a Gateway whose class it controls, in its default (controller namespace) mode. */
function envoyGatewayProxies(facts: GatewayApiFacts, gateway: GatewayFact): PolicyPeer | undefined {
  const gatewayClass = gateway.className === undefined ? undefined : facts.gatewayClasses.find((c) => c.name === gateway.className);
  if (gatewayClass?.controllerName !== ENVOY_GATEWAY_1_9_0.controllerName.value) return undefined;
  return { namespace: ENVOY_GATEWAY_1_9_0.dataPlane.namespace.value.default, labels: envoyProxyPodLabels(gateway.object.name, gateway.namespace) };
}
