import { Duration } from 'cdk8s';
import { GatewayAlertSettings } from './alert-settings';

/**
 * What a gateway adds for Prometheus and Grafana: ServiceMonitors for the controller's metrics ports, a PrometheusRule
 * with its alerts, and a Grafana dashboard per controller kind. Needs the prometheus-operator CRDs in the cluster
 * (kube-prometheus-stack installs them). Cloud-managed controllers get none of it.
 */
export interface GatewayMonitoringOptions {
  /**
   * Add monitoring objects at all; false turns every part off.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * One ServiceMonitor per metrics port of the controller (ingress-nginx `metrics` 10254, Traefik `metrics` 9100,
   * HAProxy `stat` 1024 and `ctrl-metrics` 6060), in the gateway's namespace.
   * @default true
   */
  readonly serviceMonitors?: boolean;
  /**
   * A PrometheusRule with the gateway's alerts, in the gateway's namespace.
   * @default true
   */
  readonly alerts?: boolean;
  /**
   * Thresholds, `for` durations, severities and the runbook base URL of the alerts.
   * @default - the defaults listed in the README's alert table
   */
  readonly alertSettings?: GatewayAlertSettings;
  /**
   * A Grafana dashboard ConfigMap for the controller kind (one per kind and namespace, shared by its gateways).
   * @default true
   */
  readonly dashboard?: boolean;
  /**
   * Extra labels on the ServiceMonitors and the PrometheusRule, for the Prometheus `serviceMonitorSelector` and
   * `ruleSelector`. kube-prometheus-stack selects only its Helm release by default: give `{ release: '<release>' }`,
   * or set its `*SelectorNilUsesHelmValues` values to false.
   * @default - only the library's own labels
   */
  readonly prometheusLabels?: { [key: string]: string };
  /**
   * How often Prometheus scrapes the controller.
   * @default Duration.seconds(30)
   */
  readonly scrapeInterval?: Duration;
  /**
   * Namespace of the dashboard ConfigMap. The Grafana dashboard sidecar looks only in Grafana's own namespace unless
   * its `searchNamespace` says otherwise.
   * @default - the gateway's monitoringNamespace
   */
  readonly dashboardNamespace?: string;
  /**
   * Labels of the dashboard ConfigMap; the Grafana chart's sidecar loads ConfigMaps labelled `grafana_dashboard`
   * (kube-prometheus-stack: with the value "1").
   * @default { grafana_dashboard: '1' }
   */
  readonly dashboardLabels?: { [key: string]: string };
}
