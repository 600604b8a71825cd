/**
 * Two controllers in one cluster: an nginx class for tenant A's public website and a Traefik class,
 * behind an internal AWS load balancer, for tenant B's internal API. Each tenant has its own namespace
 * and each Ingress names its class, so neither controller ever serves the other's routes.
 */
import { App, Chart, ChartProps, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import {
  CloudProvider, GatewayExposure, GatewayMonitoringOptions, IngressClassGateway, IngressController, Route, RouteBackend, RuleEngine,
} from '../../src';
import { webAppDeployment } from '../shared/web-app';

/**
 * Both gateways report to the kube-prometheus-stack release "kube-prometheus-stack" in namespace "monitoring": its
 * Prometheus selects ServiceMonitors and PrometheusRules by that release label, and the controller NetworkPolicies
 * admit the same namespace on the metrics ports.
 */
const MONITORING: GatewayMonitoringOptions = { prometheusLabels: { release: 'kube-prometheus-stack' } };

/** Both gateways: their controllers, namespaces, IngressClasses and monitoring (ServiceMonitors, alerts, dashboards). */
export class GatewaysChart extends Chart {
  public readonly publicWeb: IngressClassGateway;
  public readonly internalApi: IngressClassGateway;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    this.publicWeb = new IngressClassGateway(this, 'PublicWeb', {
      className: 'public-web-gateway',
      controller: IngressController.nginx(),
      exposure: GatewayExposure.publicLoadBalancer(),
      monitoring: MONITORING,
    });
    this.internalApi = new IngressClassGateway(this, 'InternalApi', {
      className: 'internal-api-gateway',
      // Plain HTTP is redirected to HTTPS at the entry point, so routes may ask for sslRedirect.
      controller: IngressController.traefik({ redirectToHttps: true }),
      exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS),
      // An internal API answers fast or not at all: alert from a p99 of 300 ms.
      monitoring: { ...MONITORING, alertSettings: { latencyThreshold: Duration.millis(300) } },
    });
  }
}

/** What a tenant runs: one web-facing Deployment listening on 8080, and a Service "http" on port 80. */
interface TenantAppProps extends ChartProps {
  readonly appName: string;
  readonly image: string;
  readonly host: string;
  readonly tlsSecretName: string;
  readonly gateway: IngressClassGateway;
}

/** One tenant in its own namespace: its workload and the route that publishes it through its gateway. */
export class TenantAppChart extends Chart {
  public readonly route: Route;

  constructor(scope: Construct, id: string, props: TenantAppProps) {
    super(scope, id, props);
    const app = webAppDeployment(this, 'App', { name: props.appName, image: props.image });
    const service = app.exposeViaService({ name: props.appName, ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
    this.route = new Route(this, 'Route', {
      gateway: props.gateway,
      host: props.host,
      backend: RouteBackend.fromService(service),
      tlsSecretName: props.tlsSecretName,
      options: { sslRedirect: true },
    });
  }
}

export function build(app: App): App {
  // The certificates are issued outside this example (for example by cert-manager in each tenant namespace).
  RuleEngine.of(app).declareExternalTlsSecret('tenant-a', 'www-tenant-a-example-com-tls');
  RuleEngine.of(app).declareExternalTlsSecret('tenant-b', 'api-tenant-b-internal-example-com-tls');

  const gateways = new GatewaysChart(app, 'gateways');
  new TenantAppChart(app, 'tenant-a', {
    namespace: 'tenant-a',
    appName: 'website',
    image: 'nginxinc/nginx-unprivileged:1.27.3-alpine',
    host: 'www.tenant-a.example.com',
    tlsSecretName: 'www-tenant-a-example-com-tls',
    gateway: gateways.publicWeb,
  });
  new TenantAppChart(app, 'tenant-b', {
    namespace: 'tenant-b',
    appName: 'api',
    image: 'nginxinc/nginx-unprivileged:1.27.3-alpine',
    host: 'api.tenant-b.internal.example.com',
    tlsSecretName: 'api-tenant-b-internal-example-com-tls',
    gateway: gateways.internalApi,
  });
  return app;
}

if (require.main === module) {
  build(new App()).synth();
}
