import { Duration } from 'cdk8s';

/** The `severity` label of an alert, which Alertmanager routes on. */
export enum AlertSeverity {
  /** Page someone now: traffic is failing. */
  CRITICAL = 'critical',
  /** Look at it within working hours. */
  WARNING = 'warning',
  /** For dashboards and reports; nobody is notified. */
  INFO = 'info',
}

/** How one alert fires. `for` is a reserved word in several jsii languages, hence `pendingFor`. */
export interface AlertTuning {
  /**
   * Emit the alert.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * How long the condition must hold before the alert fires: the rule's `for` (the alert is pending meanwhile).
   * @default - per alert, see the README's alert table
   */
  readonly pendingFor?: Duration;
  /**
   * The `severity` label.
   * @default - per alert, see the README's alert table
   */
  readonly severity?: AlertSeverity;
}

/** Thresholds and tuning of a gateway's alerts. */
export interface GatewayAlertSettings {
  /**
   * Share of responses that are 5xx above which the error alerts fire, between 0 and 1.
   * @default 0.05
   */
  readonly errorRatioThreshold?: number;
  /**
   * Response time above which the latency alert fires (p99 where the controller exports a histogram, the average
   * over the last 1024 requests for HAProxy).
   * @default Duration.seconds(1)
   */
  readonly latencyThreshold?: Duration;
  /**
   * Certificates that expire sooner than this fire the expiry alert. cert-manager renews 30 days before expiry by
   * default, so a certificate this close to expiry has failed to renew.
   * @default Duration.days(14)
   */
  readonly certificateExpiryWithin?: Duration;
  /**
   * Base of every alert's `runbook_url` annotation; the alert name, lowercased, is appended as a fragment.
   * @default 'https://github.com/cdk8s-gateways/cdk8s-gateways/blob/main/docs/runbooks.md'
   */
  readonly runbookBaseUrl?: string;
  /**
   * `GatewayControllerDown`: no controller pod of the class answers Prometheus.
   * @default - for 5m, critical
   */
  readonly controllerDown?: AlertTuning;
  /**
   * `GatewayConfigReloadFailing`: the controller fails to apply configuration (ingress-nginx, HAProxy).
   * @default - for 5m, critical
   */
  readonly configReloadFailing?: AlertTuning;
  /**
   * `GatewayHighErrorRatio`: the class returns more 5xx than `errorRatioThreshold`.
   * @default - for 5m, critical
   */
  readonly classErrorRatio?: AlertTuning;
  /**
   * `GatewayHostHighErrorRatio`: one host (Traefik: router; HAProxy: backend) returns more 5xx than `errorRatioThreshold`.
   * @default - for 10m, warning
   */
  readonly hostErrorRatio?: AlertTuning;
  /**
   * `GatewayHostHighLatency`: one host answers slower than `latencyThreshold`.
   * @default - for 10m, warning
   */
  readonly hostLatency?: AlertTuning;
  /**
   * `GatewayBackendNoReadyEndpoints`: a Service an Ingress of the class routes to has no ready address (needs
   * kube-state-metrics).
   * @default - for 5m, critical
   */
  readonly backendNoReadyEndpoints?: AlertTuning;
  /**
   * `GatewayCertificateNotReady`: a cert-manager Certificate of a TLS route is not Ready (needs cert-manager metrics).
   * @default - for 15m, warning
   */
  readonly certificateNotReady?: AlertTuning;
  /**
   * `GatewayCertificateExpiringSoon`: a Certificate of a TLS route expires within `certificateExpiryWithin`.
   * @default - for 1h, critical
   */
  readonly certificateExpiring?: AlertTuning;
}
