import { histogram, MetricCatalog } from './metric-catalog';

/**
 * Traefik v3.7.11 on its `metrics` entry point (9100). The snapshot read has tags up to v3.7.9; the file is unchanged
 * from v3.7.9 to the v3.7 branch head that v3.7.11 was cut from. Entry point and service series are on by default;
 * router series need `--metrics.prometheus.addRoutersLabels=true`, which the profile sets. A router of the Kubernetes
 * Ingress provider is one host and path of one Ingress, so `router` is the per-host label.
 */
export const TRAEFIK_3_7_11_METRICS: MetricCatalog = {
  component: 'traefik',
  version: 'v3.7.11',
  sources: ['github.com/traefik/traefik@v3.7.9 pkg/observability/metrics/prometheus.go (unchanged up to the v3.7 branch head)'],
  names: [
    'traefik_config_reloads_total',
    'traefik_config_last_reload_success',
    'traefik_open_connections',
    'traefik_tls_certs_not_after',
    'traefik_entrypoint_requests_total',
    'traefik_entrypoint_requests_tls_total',
    ...histogram('traefik_entrypoint_request_duration_seconds'),
    'traefik_entrypoint_requests_bytes_total',
    'traefik_entrypoint_responses_bytes_total',
    'traefik_router_requests_total',
    'traefik_router_requests_tls_total',
    ...histogram('traefik_router_request_duration_seconds'),
    'traefik_router_requests_bytes_total',
    'traefik_router_responses_bytes_total',
    'traefik_service_requests_total',
    'traefik_service_requests_tls_total',
    ...histogram('traefik_service_request_duration_seconds'),
    'traefik_service_retries_total',
    'traefik_service_server_up',
    'traefik_service_requests_bytes_total',
    'traefik_service_responses_bytes_total',
  ],
};
