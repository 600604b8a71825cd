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
import { checkQualifiedName } from '../rules/validators';

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
      ...checkedLabels(this, 'monitoring.prometheusLabels', options.prometheusLabels ?? {}),
    };
    let scrapeInterval = options.scrapeInterval ?? Duration.seconds(30);
    if (scrapeInterval.toMilliseconds() < 1000) {
      rejectInput(this, 'monitoring.scrapeInterval', `${scrapeInterval.toMilliseconds()}ms`, 'Prometheus scrapes at most once a second: give at least Duration.seconds(1), such as Duration.seconds(30)');
      scrapeInterval = Duration.seconds(30);
    }
    const interval = promDuration(scrapeInterval);

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
            labels: {
              [LABEL_PART_OF]: 'cdk8s-gateways',
              [LABEL_MANAGED_BY]: MANAGED_BY,
              ...checkedLabels(this, 'monitoring.dashboardLabels', options.dashboardLabels ?? DEFAULT_DASHBOARD_LABELS),
            },
          },
          data: { [`${profile.controllerName}.json`]: `${JSON.stringify(grafanaDashboard(profile), undefined, 2)}\n` },
        });
      }
    }
  }
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** The labels the API server accepts; each other one is reported (CG-INPUT-001) and left out. */
function checkedLabels(scope: IConstruct, field: string, labels: { [key: string]: string }): { [key: string]: string } {
  return Object.fromEntries(Object.entries(labels).filter(([key, value]) => {
    const keyProblem = checkQualifiedName(key);
    if (keyProblem) rejectInput(scope, `${field}["${key}"]`, key, `label key ${keyProblem}`);
    const valueOk = typeof value === 'string' && value.length <= 63 && LABEL_VALUE.test(value);
    if (!valueOk) {
      rejectInput(scope, `${field}["${key}"]`, value, "label value must be at most 63 characters: alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric");
    }
    return keyProblem === undefined && valueOk;
  }));
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
