import { ControllerMetricsProfile, matchers, RATE_WINDOW, sumBy } from '../controller-metrics-profile';
import { CERT_MANAGER_1_21_1_METRICS } from '../metrics/cert-manager-1.21.1';
import { INGRESS_NGINX_1_15_1_METRICS } from '../metrics/ingress-nginx-1.15.1';
import { KUBE_STATE_METRICS_2_20_0_METRICS } from '../metrics/kube-state-metrics-2.20.0';
import { PROMETHEUS_SCRAPE_METRICS } from '../metrics/metric-catalog';

const REQUESTS = 'nginx_ingress_controller_requests';

/** ingress-nginx controller-v1.15.1: request series per Ingress host (`host`), a latency histogram, reload status. */
export const INGRESS_NGINX_METRICS_PROFILE: ControllerMetricsProfile = {
  controllerName: 'ingress-nginx',
  title: 'ingress-nginx',
  catalogs: [CERT_MANAGER_1_21_1_METRICS, INGRESS_NGINX_1_15_1_METRICS, KUBE_STATE_METRICS_2_20_0_METRICS, PROMETHEUS_SCRAPE_METRICS],
  healthPort: 'metrics',
  hostLabel: 'host',
  hostLabelMeaning: 'the Ingress host',
  latencyIsP99: true,
  classRequests: (selector, by) => sumBy(by, `rate(${REQUESTS}{${selector}}[${RATE_WINDOW}])`),
  classServerErrors: (selector, by) => sumBy(by, `rate(${REQUESTS}{${matchers(selector, 'status=~"5.."')}}[${RATE_WINDOW}])`),
  hostRequests: (selector, by) => sumBy(by, `rate(${REQUESTS}{${selector}}[${RATE_WINDOW}])`),
  hostServerErrors: (selector, by) => sumBy(by, `rate(${REQUESTS}{${matchers(selector, 'status=~"5.."')}}[${RATE_WINDOW}])`),
  hostLatency: (selector, by) =>
    `histogram_quantile(0.99, ${sumBy(['le', ...by], `rate(nginx_ingress_controller_request_duration_seconds_bucket{${selector}}[${RATE_WINDOW}])`)})`,
  // 0 after a reload nginx rejected: the controller keeps serving the previous configuration, so changes do not apply.
  reloadFailures: (selector) => `max by (ingress_class, pod) (nginx_ingress_controller_config_last_reload_successful{${selector}}) == 0`,
};
