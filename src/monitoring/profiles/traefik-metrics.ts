import { ControllerMetricsProfile, matchers, RATE_WINDOW, sumBy } from '../controller-metrics-profile';
import { CERT_MANAGER_1_21_1_METRICS } from '../metrics/cert-manager-1.21.1';
import { KUBE_STATE_METRICS_2_20_0_METRICS } from '../metrics/kube-state-metrics-2.20.0';
import { PROMETHEUS_SCRAPE_METRICS } from '../metrics/metric-catalog';
import { TRAEFIK_3_7_11_METRICS } from '../metrics/traefik-3.7.11';

/** The client entry points; `traefik` (ping) and `metrics` are left out of the class totals. */
const CLIENT_ENTRY_POINTS = 'entrypoint=~"web|websecure"';

/**
 * Traefik v3.7.11: class totals from the entry point series, per-host numbers from the router series (a router of the
 * Kubernetes Ingress provider is one host and path of one Ingress). Traefik exports no reload failure series.
 */
export const TRAEFIK_METRICS_PROFILE: ControllerMetricsProfile = {
  controllerName: 'traefik',
  title: 'Traefik',
  catalogs: [CERT_MANAGER_1_21_1_METRICS, TRAEFIK_3_7_11_METRICS, KUBE_STATE_METRICS_2_20_0_METRICS, PROMETHEUS_SCRAPE_METRICS],
  healthPort: 'metrics',
  hostLabel: 'router',
  hostLabelMeaning: 'the Traefik router, one per Ingress host and path',
  latencyIsP99: true,
  classRequests: (selector, by) => sumBy(by, `rate(traefik_entrypoint_requests_total{${matchers(selector, CLIENT_ENTRY_POINTS)}}[${RATE_WINDOW}])`),
  classServerErrors: (selector, by) =>
    sumBy(by, `rate(traefik_entrypoint_requests_total{${matchers(selector, CLIENT_ENTRY_POINTS, 'code=~"5.."')}}[${RATE_WINDOW}])`),
  hostRequests: (selector, by) => sumBy(by, `rate(traefik_router_requests_total{${selector}}[${RATE_WINDOW}])`),
  hostServerErrors: (selector, by) => sumBy(by, `rate(traefik_router_requests_total{${matchers(selector, 'code=~"5.."')}}[${RATE_WINDOW}])`),
  hostLatency: (selector, by) =>
    `histogram_quantile(0.99, ${sumBy(['le', ...by], `rate(traefik_router_request_duration_seconds_bucket{${selector}}[${RATE_WINDOW}])`)})`,
};
