import { Duration } from 'cdk8s';
import { AlertSeverity, AlertTuning, GatewayAlertSettings } from './alert-settings';
import { backendsWithoutReadyEndpoints, certificateSeries, CLASS_LABEL, ControllerMetricsProfile } from './controller-metrics-profile';
import { promDuration } from './prometheus-duration';

export const DEFAULT_RUNBOOK_BASE_URL = 'https://github.com/cdk8s-gateways/cdk8s-gateways/blob/main/docs/runbooks.md';
export const DEFAULT_ERROR_RATIO = 0.05;
export const DEFAULT_LATENCY_THRESHOLD = Duration.seconds(1);
export const DEFAULT_CERTIFICATE_EXPIRY_WITHIN = Duration.days(14);

/** One alerting rule as the PrometheusRule CRD takes it. */
export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: { [key: string]: string };
  readonly annotations: { summary: string; description: string; runbook_url: string };
}

/** The default `for` and severity of every alert, by the `GatewayAlertSettings` key that tunes it. */
export const ALERT_DEFAULTS = {
  controllerDown: { name: 'GatewayControllerDown', for: Duration.minutes(5), severity: AlertSeverity.CRITICAL },
  configReloadFailing: { name: 'GatewayConfigReloadFailing', for: Duration.minutes(5), severity: AlertSeverity.CRITICAL },
  classErrorRatio: { name: 'GatewayHighErrorRatio', for: Duration.minutes(5), severity: AlertSeverity.CRITICAL },
  hostErrorRatio: { name: 'GatewayHostHighErrorRatio', for: Duration.minutes(10), severity: AlertSeverity.WARNING },
  hostLatency: { name: 'GatewayHostHighLatency', for: Duration.minutes(10), severity: AlertSeverity.WARNING },
  backendNoReadyEndpoints: { name: 'GatewayBackendNoReadyEndpoints', for: Duration.minutes(5), severity: AlertSeverity.CRITICAL },
  certificateNotReady: { name: 'GatewayCertificateNotReady', for: Duration.minutes(15), severity: AlertSeverity.WARNING },
  certificateExpiring: { name: 'GatewayCertificateExpiringSoon', for: Duration.hours(1), severity: AlertSeverity.CRITICAL },
} as const;

export type AlertKey = keyof typeof ALERT_DEFAULTS;

/** What the alerts of one gateway are about. */
export interface GatewayAlertTarget {
  readonly className: string;
  readonly profile: ControllerMetricsProfile;
  /** Namespaces whose cert-manager Certificates serve the gateway's TLS routes; empty: no certificate alerts. */
  readonly certificateNamespaces: string[];
}

/** The alerting rules of one gateway, in a fixed order. */
export function gatewayAlertRules(target: GatewayAlertTarget, settings: GatewayAlertSettings = {}): AlertRule[] {
  const { className, profile } = target;
  const cls = `${CLASS_LABEL}="${className}"`;
  const ratio = settings.errorRatioThreshold ?? DEFAULT_ERROR_RATIO;
  const latency = (settings.latencyThreshold ?? DEFAULT_LATENCY_THRESHOLD).toMilliseconds() / 1000;
  const expiry = settings.certificateExpiryWithin ?? DEFAULT_CERTIFICATE_EXPIRY_WITHIN;
  const runbookBase = settings.runbookBaseUrl ?? DEFAULT_RUNBOOK_BASE_URL;
  const host = profile.hostLabel;
  const percent = `${+(ratio * 100).toFixed(4)}%`;
  const rules: AlertRule[] = [];

  const add = (key: AlertKey, expr: string, summary: string, description: string): void => {
    const tuning: AlertTuning = settings[key] ?? {};
    if (tuning.enabled === false) return;
    const defaults = ALERT_DEFAULTS[key];
    rules.push({
      alert: defaults.name,
      expr,
      for: promDuration(tuning.pendingFor ?? defaults.for),
      labels: { severity: tuning.severity ?? defaults.severity, [CLASS_LABEL]: className },
      annotations: { summary, description, runbook_url: `${runbookBase}#${defaults.name.toLowerCase()}` },
    });
  };

  add('controllerDown', `absent(up{${cls}, endpoint="${profile.healthPort}"} == 1)`,
    `No ${profile.title} controller of class ${className} is up`,
    `Prometheus reaches no controller pod of IngressClass ${className} on its "${profile.healthPort}" port: every route of the class is down, or the pods are not scraped (ServiceMonitor, NetworkPolicy).`);
  if (profile.reloadFailures) {
    add('configReloadFailing', profile.reloadFailures(cls),
      `${profile.title} of class ${className} fails to reload its configuration`,
      'The controller rejects its generated configuration and keeps serving the previous one, so Ingress changes are not applied. Its logs name the offending Ingress.');
  }
  add('classErrorRatio',
    `${profile.classServerErrors(cls, [CLASS_LABEL])} / ${profile.classRequests(cls, [CLASS_LABEL])} > ${ratio}`,
    `More than ${percent} of the responses of class ${className} are 5xx`,
    `{{ $value | humanizePercentage }} of the responses served through IngressClass ${className} over 5 minutes are server errors (threshold ${percent}).`);
  add('hostErrorRatio',
    `${profile.hostServerErrors(cls, [CLASS_LABEL, host])} / ${profile.hostRequests(cls, [CLASS_LABEL, host])} > ${ratio}`,
    `More than ${percent} of the responses of {{ $labels.${host} }} are 5xx`,
    `{{ $value | humanizePercentage }} of the responses of ${host} {{ $labels.${host} }} (${profile.hostLabelMeaning}) on class ${className} are server errors (threshold ${percent}).`);
  add('hostLatency', `${profile.hostLatency(cls, [CLASS_LABEL, host])} > ${latency}`,
    `{{ $labels.${host} }} answers slower than ${latency}s`,
    `The ${profile.latencyIsP99 ? '99th percentile response time over 5 minutes' : 'average total time over the last 1024 requests'} of ${host} {{ $labels.${host} }} (${profile.hostLabelMeaning}) on class ${className} is {{ $value | humanizeDuration }} (threshold ${latency}s).`);
  // kube-state-metrics: Services an Ingress of the class routes to, minus those with a ready address.
  add('backendNoReadyEndpoints',
    backendsWithoutReadyEndpoints(`ingressclass="${className}"`),
    'Service {{ $labels.namespace }}/{{ $labels.service_name }} behind class ' + className + ' has no ready endpoint',
    `An Ingress of class ${className} routes to Service {{ $labels.namespace }}/{{ $labels.service_name }}, which has no ready address: its requests fail with 503. Needs kube-state-metrics.`);
  if (target.certificateNamespaces.length > 0) {
    const namespaces = [...new Set(target.certificateNamespaces)].sort().join('|');
    add('certificateNotReady', `max by (namespace, name) (${certificateSeries('certmanager_certificate_ready_status', namespaces, ', condition!="True"')}) == 1`,
      'Certificate {{ $labels.namespace }}/{{ $labels.name }} is not ready',
      `cert-manager reports Certificate {{ $labels.namespace }}/{{ $labels.name }}, used by a TLS route of class ${className}, as not Ready: it is not issued or failed to renew (kubectl describe certificate).`);
    add('certificateExpiring',
      `min by (namespace, name) (${certificateSeries('certmanager_certificate_expiration_timestamp_seconds', namespaces, '')}) - time() < ${expiry.toSeconds()}`,
      'Certificate {{ $labels.namespace }}/{{ $labels.name }} expires in {{ $value | humanizeDuration }}',
      `Certificate {{ $labels.namespace }}/{{ $labels.name }}, used by a TLS route of class ${className}, expires within ${promDuration(expiry)} and has not been renewed.`);
  }
  return rules;
}
