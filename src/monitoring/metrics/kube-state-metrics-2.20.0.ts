import { MetricCatalog } from './metric-catalog';

/**
 * kube-state-metrics v2.20.0, for what no controller exports: which Services behind an IngressClass have no ready
 * address. `kube_endpoint_address` carries `namespace`, `endpoint` (the Service) and `ready`; `kube_ingress_path`
 * carries `service_name`; `kube_ingress_info` carries `ingressclass`.
 */
export const KUBE_STATE_METRICS_2_20_0_METRICS: MetricCatalog = {
  component: 'kube-state-metrics',
  version: 'v2.20.0',
  sources: [
    'github.com/kubernetes/kube-state-metrics@v2.20.0 internal/store/endpoint.go',
    'github.com/kubernetes/kube-state-metrics@v2.20.0 internal/store/ingress.go',
  ],
  names: [
    'kube_endpoint_info',
    'kube_endpoint_address',
    'kube_endpoint_ports',
    'kube_ingress_info',
    'kube_ingress_path',
    'kube_ingress_tls',
  ],
};
