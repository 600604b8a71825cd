import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { GATEWAY_API_VERSION, GatewayApiBinding } from './gateway-api-binding';
import { gatewayListeners, MAX_GATEWAY_LISTENERS } from './listeners';
import { rejectInput } from '../../core/input/reject-input';
import {
  ANNOTATION_PROXY_NAMESPACE, ANNOTATION_PROXY_POD_LABELS, encodeLabels, LABEL_MANAGED_BY, LABEL_TENANT, MANAGED_BY,
} from '../../core/manifest-contract';
// Type-only: the gateway passes its routes.
import type { Route } from '../../routing/route';

/** The GatewayClass a gateway emits (cluster-scoped, named after the gateway's class). */
export function renderGatewayClass(scope: Construct, className: string, binding: GatewayApiBinding): ApiObject {
  const parametersRef = binding.deployment.parametersRef;
  return new ApiObject(scope, 'GatewayClass', {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'GatewayClass',
    // The implementation's labels first: a deployment that selects its classes by label (Traefik) claims this one.
    metadata: { name: className, labels: { ...(binding.deployment.gatewayClassLabels ?? {}), [LABEL_MANAGED_BY]: MANAGED_BY } },
    spec: {
      controllerName: binding.deployment.controllerName,
      ...(parametersRef ? { parametersRef: { ...parametersRef } } : {}),
    },
  });
}

/**
 * The Gateway (named after the gateway's class, in its namespace). Its listeners follow the routes, so they are
 * computed when the Gateway is written, after every route is rendered; more than a Gateway takes is reported on
 * the gateway (tenants' ListenerSets carry their own listeners). `tls` is the Gateway's `spec.tls` (client
 * certificate validation), read at the same time.
 */
export function renderGateway(
  scope: Construct, gatewayClassName: string, binding: GatewayApiBinding, routes: () => Route[], tls: () => { [key: string]: any } | undefined,
): ApiObject {
  return new ApiObject(scope, 'Gateway', {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'Gateway',
    metadata: {
      name: binding.gatewayName,
      namespace: binding.gatewayNamespace,
      labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
      ...proxyAnnotations(binding),
    },
    spec: {
      gatewayClassName,
      listeners: Lazy.any({
        produce: () => {
          const listeners = gatewayListeners(routes(), binding);
          if (listeners.length > MAX_GATEWAY_LISTENERS) {
            rejectInput(scope, 'routes', listeners.length, `the Gateway needs ${listeners.length} listeners (one per host), and a Gateway takes at most ${MAX_GATEWAY_LISTENERS}; `
              + 'serve the hosts through several gateways or with wildcard hosts');
          }
          return listeners;
        },
      }),
      // Only tenant namespaces may attach ListenerSets; none at all while no tenant route needs one.
      allowedListeners: Lazy.any({
        produce: () => (routes().some((r) => binding.inListenerSet(r))
          ? { namespaces: { from: 'Selector', selector: { matchExpressions: [{ key: LABEL_TENANT, operator: 'Exists' }] } } }
          : undefined),
      }),
      tls: Lazy.any({ produce: tls }),
    },
  });
}

/**
 * Where the Gateway's proxy pods run, recorded on the Gateway so NetworkPolicy rules (CG-NETPOL-001) find them from
 * manifests alone: the implementation may create them at run time (Envoy Gateway). None for an existing class.
 */
function proxyAnnotations(binding: GatewayApiBinding): { annotations?: { [key: string]: string } } {
  const { proxyNamespace, proxyPodLabels } = binding.deployment;
  if (proxyNamespace === undefined || proxyPodLabels === undefined || Object.keys(proxyPodLabels).length === 0) return {};
  return { annotations: { [ANNOTATION_PROXY_NAMESPACE]: proxyNamespace, [ANNOTATION_PROXY_POD_LABELS]: encodeLabels(proxyPodLabels) } };
}
