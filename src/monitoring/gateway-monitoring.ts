import { Duration, Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { GatewayAlertSettings } from './alert-settings';
import { CLASS_LABEL, CONTROLLER_LABEL, ControllerMetricsProfile } from './controller-metrics-profile';
import { ALERT_DEFAULTS, AlertKey, gatewayAlertRules } from './gateway-alerts';
import { GatewayMonitoringOptions } from './gateway-monitoring-options';
import { grafanaDashboard } from './grafana-dashboard';
import { checkPrometheusDuration, promDuration } from './prometheus-duration';
import { ControllerMetricsEndpoints } from '../controllers/controller-profile';
import { checkProp } from '../core/input/prop-checks';
import { rejectInput } from '../core/input/reject-input';
import { ANNOTATION_PROMETHEUS_NAMESPACE, LABEL_INGRESS_CLASS, LABEL_MANAGED_BY, LABEL_PART_OF, MANAGED_BY } from '../core/manifest-contract';
import { checkDns1123Label, checkLabelValue, checkQualifiedName } from '../core/validation';
import {
  PrometheusRule, PrometheusRuleSpecGroupsRulesExpr, ServiceMonitor, ServiceMonitorSpecEndpointsRelabelingsAction,
} from '../imports/monitoring.coreos.com';

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
    const scrapeInterval = checkDuration(this, 'monitoring.scrapeInterval', options.scrapeInterval, (ms) => checkPrometheusDuration(ms)
      ?? (ms < 1000 ? 'Prometheus scrapes at most once a second: give at least Duration.seconds(1), such as Duration.seconds(30)' : undefined));
    const interval = promDuration(scrapeInterval ?? Duration.seconds(30));

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
      // A rejected namespace falls back to the default, so the ConfigMap stays valid and the prop is reported once.
      const dashboardNamespace = (checkProp(this, 'monitoring.dashboardNamespace', options.dashboardNamespace, checkDns1123Label, 'dashboard namespace')
        ? options.dashboardNamespace : undefined) ?? props.monitoringNamespace;
      const dashboardLabels = checkedLabels(this, 'monitoring.dashboardLabels', options.dashboardLabels ?? DEFAULT_DASHBOARD_LABELS);
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
              ...dashboardLabels,
            },
          },
          data: { [`${profile.controllerName}.json`]: `${JSON.stringify(grafanaDashboard(profile), undefined, 2)}\n` },
        });
      }
    }
  }
}

/**
 * The labels the API server accepts (keys: IsQualifiedName, values: IsValidLabelValue); each other one is reported
 * (CG-INPUT-001) and left out.
 */
function checkedLabels(scope: IConstruct, field: string, labels: { [key: string]: string }): { [key: string]: string } {
  return Object.fromEntries(Object.entries(labels).filter(([key, value]) => {
    const keyOk = checkProp(scope, `${field}["${key}"]`, key, checkQualifiedName, 'label key');
    // A rejected key drops the label, so its value is not reported as well.
    return keyOk && checkProp(scope, `${field}["${key}"]`, value, (v) => (typeof v === 'string' ? checkLabelValue(v) : 'must be a string'), 'label value');
  }));
}

/**
 * Checks a Duration prop with `check` (given its milliseconds, without cdk8s's whole-number conversion error) and
 * reports it (CG-INPUT-001) with the value in milliseconds; returns the Duration when accepted, else undefined so
 * the default applies.
 */
function checkDuration(
  scope: IConstruct, field: string, duration: Duration | undefined, check: (ms: number) => string | undefined,
): Duration | undefined {
  if (duration === undefined) return undefined;
  const ms = duration.toMilliseconds({ integral: false });
  const reason = check(ms);
  if (reason === undefined) return duration;
  rejectInput(scope, field, `${ms}ms`, reason);
  return undefined;
}

/** An absolute http(s) URL with a host (WHATWG URL parsing, and written with '//'), without white space or a fragment. */
function checkRunbookBaseUrl(value: string): string | undefined {
  const usage = 'must be an absolute http(s) URL without white space or a fragment, such as "https://runbooks.example.com/gateways"; the alert name is appended as #<alert>';
  if (typeof value !== 'string' || /[\s#]/.test(value)) return usage;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return usage;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || !/^https?:\/\/[^/]/i.test(value)) return usage;
  return undefined;
}

/** The alert settings with each unusable value reported (CG-INPUT-001) and dropped, so its default applies. */
function checkedAlertSettings(scope: IConstruct, s: GatewayAlertSettings): GatewayAlertSettings {
  const checked: { -readonly [K in keyof GatewayAlertSettings]: GatewayAlertSettings[K] } = { ...s };
  const field = (name: string) => `monitoring.alertSettings.${name}`;
  if (!checkProp(scope, field('errorRatioThreshold'), s.errorRatioThreshold, (r) => (typeof r === 'number' && r > 0 && r <= 1 ? undefined
    : 'must be a number above 0 and at most 1: the error ratio is a share of responses, such as 0.05 for 5%'), 'the error ratio threshold')) {
    checked.errorRatioThreshold = undefined;
  }
  // Written into the expression in seconds, from whole milliseconds.
  checked.latencyThreshold = checkDuration(scope, field('latencyThreshold'), s.latencyThreshold, (ms) => (Number.isInteger(ms) && ms > 0 ? undefined
    : `must be a whole number of milliseconds above zero (got ${ms} ms), such as Duration.seconds(1)`));
  // Written into the expression in whole seconds.
  checked.certificateExpiryWithin = checkDuration(scope, field('certificateExpiryWithin'), s.certificateExpiryWithin, (ms) => (Number.isInteger(ms / 1000) && ms > 0
    ? checkPrometheusDuration(ms)
    : `must be a whole number of seconds above zero (got ${ms} ms): the alert compares it with expiry timestamps in seconds; such as Duration.days(14)`));
  if (!checkProp(scope, field('runbookBaseUrl'), s.runbookBaseUrl, checkRunbookBaseUrl, 'the runbook base URL')) checked.runbookBaseUrl = undefined;
  for (const key of Object.keys(ALERT_DEFAULTS) as AlertKey[]) {
    const tuning = s[key];
    if (tuning?.pendingFor === undefined) continue;
    const pendingFor = checkDuration(scope, field(`${key}.pendingFor`), tuning.pendingFor, checkPrometheusDuration);
    if (pendingFor === undefined) checked[key] = { ...tuning, pendingFor: undefined };
  }
  return checked;
}
