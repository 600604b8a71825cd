import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { promqlErrors } from './promql';
import {
  AlertSeverity, IIngressController, IngressClassGateway, IngressClassGatewayProps, IngressController, Route, RouteBackend, RuleEngine,
} from '../../src';
import { ALL_RULES } from '../../src/rules/catalogue';
import { evaluate } from '../../src/rules/evaluate';
import { ClusterModel, ManifestObject } from '../../src/rules/model';
import { quietStderr } from '../controllers/controller-test-utils';
import { inputErrors, ofKind, synthApp } from '../util/synth';

quietStderr();

/** An app with one gateway of class `web` and, with `tlsRoute`, a TLS route in namespace `shop`. */
function gatewayApp(controller: IIngressController, props: Partial<IngressClassGatewayProps> = {}, tlsRoute = false) {
  const app = Testing.app();
  const chart = new Chart(app, 'ingress');
  const gateway = new IngressClassGateway(chart, 'Web', { className: 'web', controller, ...props });
  if (tlsRoute) {
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    const service = new kplus.Service(shop, 'Shop', { ports: [{ port: 80, targetPort: 8080 }], selector: kplus.Pods.select(shop, 'Pods', { labels: { app: 'shop' } }) });
    new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromService(service), tlsSecretName: 'shop-tls' });
    RuleEngine.of(app).declareExternalTlsSecret('shop', 'shop-tls');
  }
  return { app, gateway };
}

/** The CG-MONITOR findings of the synthesized objects, as `lint` would report them. */
function monitorFindings(objs: any[]): string[] {
  const model = new ClusterModel(objs.map((o, i) => new ManifestObject(o, { file: 'app.yaml', documentIndex: i })));
  return evaluate(model, ALL_RULES).findings.filter((f) => f.ruleId.startsWith('CG-MONITOR-')).map((f) => `${f.ruleId} ${f.message}`);
}

const alertsOf = (objs: any[]) => ofKind(objs, 'PrometheusRule')[0].spec.groups[0].rules;

describe('gateway monitoring', () => {
  it.each([
    ['ingress-nginx', IngressController.nginx(), ['metrics']],
    ['traefik', IngressController.traefik(), ['metrics']],
    ['haproxy', IngressController.haproxy(), ['stat', 'ctrl-metrics']],
  ])('scrapes every metrics port of %s with a ServiceMonitor the lint rules accept', (_, controller, ports) => {
    // GIVEN a gateway with default monitoring
    const objs = synthApp(gatewayApp(controller).app);
    // THEN one ServiceMonitor per metrics port, in the gateway namespace, labelled with the class
    const monitors = ofKind(objs, 'ServiceMonitor');
    expect(monitors.map((m) => m.spec.endpoints[0].port)).toStrictEqual(ports);
    for (const m of monitors) {
      expect(m.metadata).toMatchObject({ namespace: 'ingress-web', annotations: { 'monitoring.gateways.cdk8s.io/prometheus-namespace': 'monitoring' } });
      expect(m.spec.namespaceSelector).toStrictEqual({ matchNames: ['ingress-web'] });
      expect(m.spec.endpoints[0].relabelings).toContainEqual({ action: 'replace', targetLabel: 'ingress_class', replacement: 'web' });
    }
    // AND the metrics Service has those ports, and CG-MONITOR-001..003 find nothing (selector, port names, NetworkPolicy)
    const metricsService = objs.find((o) => o.kind === 'Service' && o.metadata.name === 'web-controller-metrics');
    expect(metricsService.spec.ports.map((p: any) => p.name)).toStrictEqual(ports);
    expect(monitorFindings(objs)).toStrictEqual([]);
    // AND the controller-down alert watches a port these ServiceMonitors scrape (the `endpoint` label is the port name)
    const down = alertsOf(objs).find((r: any) => r.alert === 'GatewayControllerDown');
    expect(ports).toContain(/endpoint="([^"]+)"/.exec(down.expr)![1]);
  });

  it('takes the Prometheus namespace from monitoringNamespace for the NetworkPolicy, the ServiceMonitors and the dashboard alike', () => {
    // GIVEN Prometheus and Grafana in "observability"
    const objs = synthApp(gatewayApp(IngressController.haproxy(), { monitoringNamespace: 'observability' }).app);
    // THEN the controller policy admits it on both metrics ports
    const policy = objs.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'web-controller');
    expect(policy.spec.ingress).toContainEqual({
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } } }],
      ports: [{ port: 1024, protocol: 'TCP' }, { port: 6060, protocol: 'TCP' }],
    });
    // AND the monitors say so, and the dashboard lands there
    expect(ofKind(objs, 'ServiceMonitor').map((m) => m.metadata.annotations['monitoring.gateways.cdk8s.io/prometheus-namespace'])).toStrictEqual(['observability', 'observability']);
    expect(objs.find((o) => o.metadata.labels?.grafana_dashboard === '1').metadata.namespace).toBe('observability');
    expect(monitorFindings(objs)).toStrictEqual([]);
  });

  it('reports a ServiceMonitor whose Prometheus the NetworkPolicy does not admit (CG-MONITOR-003)', () => {
    // GIVEN the synthesized objects, with the monitor annotation edited to another namespace
    const objs = synthApp(gatewayApp(IngressController.traefik()).app);
    ofKind(objs, 'ServiceMonitor')[0].metadata.annotations['monitoring.gateways.cdk8s.io/prometheus-namespace'] = 'elsewhere';
    // THEN
    expect(monitorFindings(objs)).toStrictEqual([
      'CG-MONITOR-003 NetworkPolicy web-controller isolates Deployment ingress-web/web-controller and none admits Prometheus from namespace elsewhere on port "metrics"',
    ]);
  });

  it('writes the alerts with their defaults, and certificate alerts only for TLS route namespaces', () => {
    // GIVEN an ingress-nginx gateway without TLS routes, and one with a TLS route in "shop"
    const plain = alertsOf(synthApp(gatewayApp(IngressController.nginx()).app));
    const tls = alertsOf(synthApp(gatewayApp(IngressController.nginx(), {}, true).app));
    // THEN
    expect(plain.map((r: any) => [r.alert, r.for, r.labels.severity])).toStrictEqual([
      ['GatewayControllerDown', '5m', 'critical'],
      ['GatewayConfigReloadFailing', '5m', 'critical'],
      ['GatewayHighErrorRatio', '5m', 'critical'],
      ['GatewayHostHighErrorRatio', '10m', 'warning'],
      ['GatewayHostHighLatency', '10m', 'warning'],
      ['GatewayBackendNoReadyEndpoints', '5m', 'critical'],
    ]);
    expect(tls.slice(-2).map((r: any) => [r.alert, r.expr])).toStrictEqual([
      ['GatewayCertificateNotReady', 'max by (namespace, name) (label_replace('
        + 'certmanager_certificate_ready_status{exported_namespace=~"shop", condition!="True"}'
        + ' or certmanager_certificate_ready_status{exported_namespace="", namespace=~"shop", condition!="True"},'
        + ' "namespace", "$1", "exported_namespace", "(.+)")) == 1'],
      ['GatewayCertificateExpiringSoon', 'min by (namespace, name) (label_replace('
        + 'certmanager_certificate_expiration_timestamp_seconds{exported_namespace=~"shop"}'
        + ' or certmanager_certificate_expiration_timestamp_seconds{exported_namespace="", namespace=~"shop"},'
        + ' "namespace", "$1", "exported_namespace", "(.+)")) - time() < 1209600'],
    ]);
    // AND every alert has a summary, a description and a runbook URL
    for (const rule of tls) {
      expect(Object.keys(rule.annotations).sort()).toStrictEqual(['description', 'runbook_url', 'summary']);
      expect(rule.annotations.runbook_url).toBe(`https://github.com/cdk8s-gateways/cdk8s-gateways/blob/main/docs/runbooks.md#${rule.alert.toLowerCase()}`);
    }
  });

  it('applies thresholds, for durations, severities, a runbook base and disabled alerts', () => {
    // GIVEN tuned settings
    const objs = synthApp(gatewayApp(IngressController.traefik(), {
      monitoring: {
        alertSettings: {
          errorRatioThreshold: 0.02,
          latencyThreshold: Duration.millis(500),
          runbookBaseUrl: 'https://runbooks.example.com/gateways',
          classErrorRatio: { pendingFor: Duration.minutes(2), severity: AlertSeverity.WARNING },
          hostLatency: { enabled: false },
        },
      },
    }).app);
    const rules = alertsOf(objs);
    // THEN
    const classRatio = rules.find((r: any) => r.alert === 'GatewayHighErrorRatio');
    expect(classRatio).toMatchObject({ for: '2m', labels: { severity: 'warning', ingress_class: 'web' } });
    expect(classRatio.expr).toMatch(/ > 0\.02$/);
    expect(classRatio.annotations.runbook_url).toBe('https://runbooks.example.com/gateways#gatewayhigherrorratio');
    expect(rules.map((r: any) => r.alert)).not.toContain('GatewayHostHighLatency');
    // AND Traefik has no reload failure series, so no reload alert
    expect(rules.map((r: any) => r.alert)).not.toContain('GatewayConfigReloadFailing');
    expect(promqlErrors(classRatio.expr)).toStrictEqual([]);
  });

  it('rejects unusable alert settings with CG-INPUT-001', () => {
    // GIVEN a ratio above 1 and a runbook URL that is not one
    const { app } = gatewayApp(IngressController.nginx(), { monitoring: { alertSettings: { errorRatioThreshold: 5, runbookBaseUrl: 'runbooks' } } });
    // THEN both are reported with the value received
    expect(inputErrors(app)).toStrictEqual([
      expect.objectContaining({ constructPath: 'ingress/Web/Monitoring', field: 'monitoring.alertSettings.errorRatioThreshold', value: '5' }),
      expect.objectContaining({ constructPath: 'ingress/Web/Monitoring', field: 'monitoring.alertSettings.runbookBaseUrl', value: '"runbooks"' }),
    ]);
  });

  it('rejects labels the API server refuses and a sub-second scrape interval with CG-INPUT-001', () => {
    // GIVEN a label key with a space, a dashboard label value that is too long, and a 100 ms interval
    const { app } = gatewayApp(IngressController.nginx(), {
      monitoring: { prometheusLabels: { 'bad key': 'x' }, dashboardLabels: { grafana_dashboard: 'x'.repeat(64) }, scrapeInterval: Duration.millis(100) },
    });
    // THEN each is reported on the monitoring construct
    expect(inputErrors(app).map((e) => [e.constructPath, e.field, e.value])).toStrictEqual([
      ['ingress/Web/Monitoring', 'monitoring.prometheusLabels["bad key"]', '"bad key"'],
      ['ingress/Web/Monitoring', 'monitoring.scrapeInterval', '"100ms"'],
      ['ingress/Web/Monitoring', 'monitoring.dashboardLabels["grafana_dashboard"]', JSON.stringify('x'.repeat(64))],
    ]);
  });

  it('turns each part off, or all of it', () => {
    const kinds = (props: Partial<IngressClassGatewayProps>) => {
      const objs = synthApp(gatewayApp(IngressController.nginx(), props).app);
      return ['ServiceMonitor', 'PrometheusRule', 'dashboard'].filter((k) => objs.some((o) => o.kind === k || (k === 'dashboard' && o.metadata.labels?.grafana_dashboard)));
    };
    expect(kinds({})).toStrictEqual(['ServiceMonitor', 'PrometheusRule', 'dashboard']);
    expect(kinds({ monitoring: { serviceMonitors: false } })).toStrictEqual(['PrometheusRule', 'dashboard']);
    expect(kinds({ monitoring: { alerts: false } })).toStrictEqual(['ServiceMonitor', 'dashboard']);
    expect(kinds({ monitoring: { dashboard: false } })).toStrictEqual(['ServiceMonitor', 'PrometheusRule']);
    expect(kinds({ monitoring: { enabled: false } })).toStrictEqual([]);
  });

  it('adds Prometheus selector labels to the ServiceMonitors and the PrometheusRule', () => {
    // GIVEN kube-prometheus-stack's release label
    const objs = synthApp(gatewayApp(IngressController.nginx(), { monitoring: { prometheusLabels: { release: 'kube-prometheus-stack' } } }).app);
    // THEN
    for (const o of [...ofKind(objs, 'ServiceMonitor'), ...ofKind(objs, 'PrometheusRule')]) expect(o.metadata.labels.release).toBe('kube-prometheus-stack');
  });

  it('writes one dashboard per controller kind, with the same JSON on every synth', () => {
    // GIVEN two nginx gateways and a Traefik one
    const build = () => {
      const app = Testing.app();
      const chart = new Chart(app, 'ingress');
      new IngressClassGateway(chart, 'A', { className: 'a', controller: IngressController.nginx() });
      new IngressClassGateway(chart, 'B', { className: 'b', controller: IngressController.nginx() });
      new IngressClassGateway(chart, 'C', { className: 'c', controller: IngressController.traefik() });
      return synthApp(app).filter((o) => o.metadata.labels?.grafana_dashboard === '1');
    };
    const first = build();
    // THEN one ConfigMap per kind, each a dashboard whose panels have PromQL
    expect(first.map((d) => d.metadata.name)).toStrictEqual(['cdk8s-gateways-ingress-nginx-dashboard', 'cdk8s-gateways-traefik-dashboard']);
    const dashboard = JSON.parse(first[0].data['ingress-nginx.json']);
    expect(dashboard.panels.map((p: any) => p.title)).toContain('p99 latency per host');
    // AND the output is deterministic
    expect(build()).toStrictEqual(first);
  });

  it('adds nothing for a cloud-managed controller', () => {
    // GIVEN an Azure Application Gateway class
    const objs = synthApp(gatewayApp(IngressController.azureApplicationGateway({ className: 'web' })).app);
    // THEN
    expect(objs.filter((o) => ['ServiceMonitor', 'PrometheusRule'].includes(o.kind) || o.metadata.labels?.grafana_dashboard)).toStrictEqual([]);
  });
});
