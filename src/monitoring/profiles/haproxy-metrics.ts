import { ControllerMetricsProfile, matchers, RATE_WINDOW, sumBy } from '../controller-metrics-profile';
import { CERT_MANAGER_1_21_1_METRICS } from '../metrics/cert-manager-1.21.1';
import { HAPROXY_3_2_12_METRICS } from '../metrics/haproxy-3.2.12';
import { KUBE_STATE_METRICS_2_20_0_METRICS } from '../metrics/kube-state-metrics-2.20.0';
import { PROMETHEUS_SCRAPE_METRICS } from '../metrics/metric-catalog';

/** The controller's client frontends (fs/usr/local/etc/haproxy/haproxy.cfg); `stats` and `healthz` are left out. */
const CLIENT_FRONTENDS = 'proxy=~"http|https"';

/**
 * HAProxy Kubernetes Ingress 3.2.12: class totals from the http/https frontends, per-backend numbers (one backend per
 * Service port; HAProxy has no per-host series), reload failures from the controller's own port. HAProxy exports no
 * latency histogram, so the latency is the backend's average total time over its last 1024 requests.
 */
export const HAPROXY_METRICS_PROFILE: ControllerMetricsProfile = {
  controllerName: 'haproxy',
  title: 'HAProxy Kubernetes Ingress',
  catalogs: [CERT_MANAGER_1_21_1_METRICS, HAPROXY_3_2_12_METRICS, KUBE_STATE_METRICS_2_20_0_METRICS, PROMETHEUS_SCRAPE_METRICS],
  healthPort: 'stat',
  hostLabel: 'proxy',
  hostLabelMeaning: 'the HAProxy backend, one per Service port (<namespace>_svc_<service>_<port>)',
  latencyIsP99: false,
  classRequests: (selector, by) => sumBy(by, `rate(haproxy_frontend_http_requests_total{${matchers(selector, CLIENT_FRONTENDS)}}[${RATE_WINDOW}])`),
  classServerErrors: (selector, by) =>
    sumBy(by, `rate(haproxy_frontend_http_responses_total{${matchers(selector, CLIENT_FRONTENDS, 'code="5xx"')}}[${RATE_WINDOW}])`),
  hostRequests: (selector, by) => sumBy(by, `rate(haproxy_backend_http_requests_total{${selector}}[${RATE_WINDOW}])`),
  hostServerErrors: (selector, by) => sumBy(by, `rate(haproxy_backend_http_responses_total{${matchers(selector, 'code="5xx"')}}[${RATE_WINDOW}])`),
  hostLatency: (selector, by) => `max by (${by.join(', ')}) (haproxy_backend_total_time_average_seconds{${selector}})`,
  reloadFailures: (selector) =>
    `sum by (ingress_class) (increase(haproxy_reloads_total{${matchers(selector, 'result="failure"')}}[15m])) > 0`
    + ` or max by (ingress_class, pod) (haproxy_unable_to_sync_configuration{${selector}}) > 0`,
};
