import { histogram, MetricCatalog } from './metric-catalog';

/**
 * ingress-nginx controller-v1.15.1 on its metrics port (10254). Every name is `nginx_ingress_controller_` plus the
 * collector's own name; the socket collector's request series carry `host` (with `--metrics-per-host`, on by
 * default), `status`, `ingress`, `namespace` and `service`, and every series carries `controller_class`.
 */
export const INGRESS_NGINX_1_15_1_METRICS: MetricCatalog = {
  component: 'ingress-nginx',
  version: 'controller-v1.15.1',
  sources: [
    'github.com/kubernetes/ingress-nginx@controller-v1.15.1 internal/ingress/metric/collectors/main.go (PrometheusNamespace)',
    'github.com/kubernetes/ingress-nginx@controller-v1.15.1 internal/ingress/metric/collectors/controller.go',
    'github.com/kubernetes/ingress-nginx@controller-v1.15.1 internal/ingress/metric/collectors/socket.go',
    'github.com/kubernetes/ingress-nginx@controller-v1.15.1 internal/ingress/metric/collectors/nginx_status.go',
    'github.com/kubernetes/ingress-nginx@controller-v1.15.1 internal/ingress/metric/collectors/process.go',
    'github.com/kubernetes/ingress-nginx@controller-v1.15.1 internal/ingress/metric/collectors/admission.go',
  ],
  names: [
    // controller.go
    'nginx_ingress_controller_build_info',
    'nginx_ingress_controller_config_hash',
    'nginx_ingress_controller_config_last_reload_successful',
    'nginx_ingress_controller_config_last_reload_successful_timestamp_seconds',
    'nginx_ingress_controller_success',
    'nginx_ingress_controller_errors',
    'nginx_ingress_controller_check_errors',
    'nginx_ingress_controller_check_success',
    'nginx_ingress_controller_ssl_expire_time_seconds',
    'nginx_ingress_controller_ssl_certificate_info',
    'nginx_ingress_controller_leader_election_status',
    'nginx_ingress_controller_orphan_ingress',
    // socket.go
    ...histogram('nginx_ingress_controller_connect_duration_seconds'),
    ...histogram('nginx_ingress_controller_header_duration_seconds'),
    ...histogram('nginx_ingress_controller_response_duration_seconds'),
    ...histogram('nginx_ingress_controller_request_duration_seconds'),
    ...histogram('nginx_ingress_controller_response_size'),
    ...histogram('nginx_ingress_controller_request_size'),
    'nginx_ingress_controller_requests',
    ...histogram('nginx_ingress_controller_bytes_sent'),
    // nginx_status.go
    'nginx_ingress_controller_nginx_connections_total',
    'nginx_ingress_controller_nginx_requests_total',
    'nginx_ingress_controller_nginx_connections',
    // process.go (subsystem nginx_process)
    'nginx_ingress_controller_nginx_process_num_procs',
    'nginx_ingress_controller_nginx_process_cpu_seconds_total',
    'nginx_ingress_controller_nginx_process_read_bytes_total',
    'nginx_ingress_controller_nginx_process_write_bytes_total',
    'nginx_ingress_controller_nginx_process_resident_memory_bytes',
    'nginx_ingress_controller_nginx_process_virtual_memory_bytes',
    'nginx_ingress_controller_nginx_process_oldest_start_time_seconds',
    // admission.go (the webhook is not deployed by this library; the collector still registers)
    'nginx_ingress_controller_admission_tested_ingresses',
    'nginx_ingress_controller_admission_tested_duration',
    'nginx_ingress_controller_admission_render_ingresses',
    'nginx_ingress_controller_admission_render_duration',
    'nginx_ingress_controller_admission_config_size',
    'nginx_ingress_controller_admission_roundtrip_duration',
  ],
};
