import { MetricCatalog } from './metrics/metric-catalog';

/**
 * Target labels every gateway ServiceMonitor writes on the series it scrapes, so one query shape selects one gateway
 * whatever its controller exports: `ingress_class` (the IngressClass) and `ingress_controller` (the profile name).
 */
export const CLASS_LABEL = 'ingress_class';
export const CONTROLLER_LABEL = 'ingress_controller';

/**
 * What one kind of controller exports and how to ask it for requests, server errors and latency. Alerts and the
 * dashboard are built from these queries, so they use the same metric names, which tests check against `catalogs`.
 *
 * `selector` arguments are PromQL label matchers without braces, for example `ingress_class="public-web"`.
 */
export interface ControllerMetricsProfile {
  /** The controller profile name this applies to (`IIngressController.name`). */
  readonly controllerName: string;
  /** Human title, for the dashboard. */
  readonly title: string;
  /** Every metric name the queries may use, with its upstream source. */
  readonly catalogs: readonly MetricCatalog[];
  /** The metrics Service port whose `up` series says whether the controller runs. */
  readonly healthPort: string;
  /** The label the per-host queries group by. */
  readonly hostLabel: string;
  /** What `hostLabel` holds, for alert descriptions and the README. */
  readonly hostLabelMeaning: string;
  /** Whether `hostLatency` is a 99th percentile (false: the controller exports only averages). */
  readonly latencyIsP99: boolean;
  /** Requests per second of the whole class, by `by`. */
  classRequests(selector: string, by: string[]): string;
  /** 5xx responses per second of the whole class, by `by`. */
  classServerErrors(selector: string, by: string[]): string;
  /** Requests per second per host, by `by` (which includes `hostLabel`). */
  hostRequests(selector: string, by: string[]): string;
  /** 5xx responses per second per host. */
  hostServerErrors(selector: string, by: string[]): string;
  /** Response time in seconds per host. */
  hostLatency(selector: string, by: string[]): string;
  /** An expression that has a result while configuration reloads fail; undefined when the controller exports none. */
  reloadFailures?(selector: string): string;
}

/** `sum by (a, b) (expr)`. */
export function sumBy(by: string[], expr: string): string {
  return `sum by (${by.join(', ')}) (${expr})`;
}

/** Joins label matchers into a selector body, dropping empty ones. */
export function matchers(...parts: string[]): string {
  return parts.filter((p) => p.length > 0).join(', ');
}

/** The rate window of every query: long enough for a 30 s scrape interval to give several samples. */
export const RATE_WINDOW = '5m';

/**
 * A cert-manager certificate series in the given Certificate namespaces, with the Certificate's namespace in
 * `namespace` however cert-manager is scraped. cert-manager labels its series with the Certificate's `namespace`;
 * scraped without `honorLabels` (its Helm chart's default), Prometheus keeps the scraped pod's namespace there and
 * moves cert-manager's to `exported_namespace` (pkg/metrics in cert-manager; Prometheus honor_labels).
 */
export function certificateSeries(metric: string, namespaces: string, extraMatchers: string): string {
  return `label_replace(${metric}{exported_namespace=~"${namespaces}"${extraMatchers}} or ${metric}{exported_namespace="", namespace=~"${namespaces}"${extraMatchers}}, `
    + '"namespace", "$1", "exported_namespace", "(.+)")';
}

/**
 * kube-state-metrics: the Services that Ingresses of the matched classes route to, minus those with a ready address
 * (kube_ingress_path, kube_ingress_info and kube_endpoint_address of kube-state-metrics v2.20.0).
 */
export function backendsWithoutReadyEndpoints(classMatcher: string): string {
  return `count by (namespace, service_name) (kube_ingress_path * on (namespace, ingress) group_left () kube_ingress_info{${classMatcher}})`
    + ' unless on (namespace, service_name) label_replace(sum by (namespace, endpoint) (kube_endpoint_address{ready="true"}), "service_name", "$1", "endpoint", "(.+)")';
}
