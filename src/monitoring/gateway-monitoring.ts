import { Duration, Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { GatewayAlertSettings } from './alert-settings';
import { CLASS_LABEL, CONTROLLER_LABEL, ControllerMetricsProfile } from './controller-metrics-profile';
import { gatewayAlertRules } from './gateway-alerts';
import { GatewayMonitoringOptions } from './gateway-monitoring-options';
import { grafanaDashboard } from './grafana-dashboard';
import { promDuration } from './prometheus-duration';
import { ControllerMetricsEndpoints } from '../controllers/controller-profile';
import {
  PrometheusRule, PrometheusRuleSpecGroupsRulesExpr, ServiceMonitor, ServiceMonitorSpecEndpointsRelabelingsAction,
} from '../imports/monitoring.coreos.com';
import { ANNOTATION_PROMETHEUS_NAMESPACE, LABEL_INGRESS_CLASS, LABEL_MANAGED_BY, LABEL_PART_OF, MANAGED_BY } from '../labels';
import { rejectInput } from '../rules/input/reject-input';

/** Everything a gateway's monitoring needs to know. Internal: gateways create it from their props. */
export interface GatewayMonitoringProps {
  readonly options: GatewayMonitoringOptions;
  readonly className: string;
  /** The gateway's namespace, where the ServiceMonitors and the PrometheusRule go. */
  readonly namespace: string;
  /** Where Prometheus runs: the same value the controller NetworkPolicy admits on the metrics ports. */
  readonly monitoringNamespace: string;
  readonly profile: ControllerMetricsProfile;
  readonly metrics: ControllerMetricsEndpoints;
  /** Namespaces of the gateway's TLS routes, resolved at synth (routes may be added after the gateway). */
  readonly certificateNamespaces: () => string[];
}

const DEFAULT_DASHBOARD_LABELS = { grafana_dashboard: '1' };
/** Dashboards created so far, per app: one per controller kind and namespace. */
const DASHBOARDS = new WeakMap<IConstruct, Set<string>>();

/** The ServiceMonitors, PrometheusRule and dashboard of one gateway (see `GatewayMonitoringOptions`). */
export class GatewayMonitoring extends Construct {
  constructor(scope: Construct, id: string, props: GatewayMonitoringProps) {
    super(scope, id);
    const { options, className, namespace, profile, metrics } = props;
    const settings = checkedAlertSettings(this, options.alertSettings ?? {});
    const labels = {
      [LABEL_PART_OF]: 'cdk8s-gateways',
      [LABEL_MANAGED_BY]: MANAGED_BY,
      [LABEL_INGRESS_CLASS]: className,
      ...(options.prometheusLabels ?? {}),
    };
    const interval = promDuration(options.scrapeInterval ?? Duration.seconds(30));

    if (options.serviceMonitors ?? true) {
      for (const port of metrics.portNames) {
        new ServiceMonitor(this, `ServiceMonitor-${port}`, {
          metadata: {
            name: `${className}-${port}`,
            namespace,
            labels,
            annotations: { [ANNOTATION_PROMETHEUS_NAMESPACE]: props.monitoringNamespace },
          },
          spec: {
            selector: { matchLabels: { ...metrics.serviceLabels } },
            namespaceSelector: { matchNames: [namespace] },
            endpoints: [{
              port,
              path: '/metrics',
              interval,
              // Every series of the gateway carries its class and controller kind, whatever the controller exports.
              relabelings: [
                { action: ServiceMonitorSpecEndpointsRelabelingsAction.REPLACE, targetLabel: CLASS_LABEL, replacement: className },
                { action: ServiceMonitorSpecEndpointsRelabelingsAction.REPLACE, targetLabel: CONTROLLER_LABEL, replacement: profile.controllerName },
              ],
            }],
          },
        });
      }
    }

    if (options.alerts ?? true) {
      new PrometheusRule(this, 'PrometheusRule', {
        metadata: { name: `${className}-gateway-alerts`, namespace, labels },
        spec: {
          groups: [{
            name: `gateway-${className}`,
            rules: Lazy.any({
              produce: () => gatewayAlertRules({ className, profile, certificateNamespaces: props.certificateNamespaces() }, settings)
                .map((rule) => ({ ...rule, expr: PrometheusRuleSpecGroupsRulesExpr.fromString(rule.expr) })),
            }),
          }],
        },
      });
    }

    if (options.dashboard ?? true) {
      const dashboardNamespace = options.dashboardNamespace ?? props.monitoringNamespace;
      const root = this.node.root;
      const created = DASHBOARDS.get(root) ?? new Set<string>();
      DASHBOARDS.set(root, created);
      const key = `${profile.controllerName}\u0000${dashboardNamespace}`;
      if (!created.has(key)) {
        created.add(key);
        new k8s.KubeConfigMap(this, 'Dashboard', {
          metadata: {
            name: `cdk8s-gateways-${profile.controllerName}-dashboard`,
            namespace: dashboardNamespace,
            labels: { [LABEL_PART_OF]: 'cdk8s-gateways', [LABEL_MANAGED_BY]: MANAGED_BY, ...(options.dashboardLabels ?? DEFAULT_DASHBOARD_LABELS) },
          },
          data: { [`${profile.controllerName}.json`]: `${JSON.stringify(grafanaDashboard(profile), undefined, 2)}\n` },
        });
      }
    }
  }
}

/** The alert settings with each unusable value reported (CG-INPUT-001) and dropped, so its default applies. */
function checkedAlertSettings(scope: IConstruct, s: GatewayAlertSettings): GatewayAlertSettings {
  const checked: { -readonly [K in keyof GatewayAlertSettings]: GatewayAlertSettings[K] } = { ...s };
  const field = (name: string) => `monitoring.alertSettings.${name}`;
  if (s.errorRatioThreshold !== undefined && !(s.errorRatioThreshold > 0 && s.errorRatioThreshold <= 1)) {
    rejectInput(scope, field('errorRatioThreshold'), s.errorRatioThreshold, 'the error ratio is a share of responses: give a number above 0 and at most 1, such as 0.05 for 5%');
    checked.errorRatioThreshold = undefined;
  }
  if (s.latencyThreshold !== undefined && !(s.latencyThreshold.toMilliseconds() > 0)) {
    rejectInput(scope, field('latencyThreshold'), `${s.latencyThreshold.toMilliseconds()}ms`, 'give a response time above zero, such as Duration.seconds(1)');
    checked.latencyThreshold = undefined;
  }
  if (s.certificateExpiryWithin !== undefined && !(s.certificateExpiryWithin.toMilliseconds() > 0)) {
    rejectInput(scope, field('certificateExpiryWithin'), `${s.certificateExpiryWithin.toMilliseconds()}ms`, 'give a duration above zero, such as Duration.days(14)');
    checked.certificateExpiryWithin = undefined;
  }
  if (s.runbookBaseUrl !== undefined && !/^https?:\/\/[^\s#]+$/.test(s.runbookBaseUrl)) {
    rejectInput(scope, field('runbookBaseUrl'), s.runbookBaseUrl, 'give an http(s) URL without spaces or a fragment; the alert name is appended as #<alert>');
    checked.runbookBaseUrl = undefined;
  }
  return checked;
}
