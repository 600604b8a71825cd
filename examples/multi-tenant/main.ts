/**
 * Many tenants behind two shared gateways, stamped out from a plain data list: what a platform team commits to
 * its GitOps repo. Each tenant gets its own namespace (restricted Pod Security, quota, limits), is isolated by a
 * default-deny NetworkPolicy, may serve only its own hosts through the gateways it was granted, and is reachable
 * only from those gateways' controller pods, on its backends' target ports.
 *
 * The output is one folder per chart (`gateways/`, and one per tenant), one file per object.
 */
import { App, AppProps, Chart, ChartProps, YamlOutputType } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ApiServerAccess, CloudProvider, GatewayExposure, IngressClassGateway, IngressController, RouteBackend, RuleEngine, Tenant,
} from '../../src';
import { webAppDeployment } from '../shared/web-app';

/** Which shared gateway a route goes through. */
type GatewayName = 'public' | 'internal';

/** One tenant as the platform team records it: the hosts it was granted, its app, and the routes to it. */
interface TenantSpec {
  readonly name: string;
  /** Hosts the tenant may serve: exact hosts and `*.suffix` patterns. */
  readonly hosts: string[];
  readonly image: string;
  readonly routes: Array<{ readonly host: string; readonly path?: string; readonly gateway: GatewayName }>;
}

/** The tenants. Adding one is adding an entry here; everything else is derived. */
export const TENANTS: TenantSpec[] = [
  {
    name: 'storefront',
    hosts: ['shop.example.com', '*.shop.example.com'],
    image: 'nginxinc/nginx-unprivileged:1.27.3-alpine',
    routes: [
      { host: 'shop.example.com', gateway: 'public' },
      { host: 'www.shop.example.com', gateway: 'public' },
    ],
  },
  {
    name: 'billing',
    hosts: ['billing.internal.example.com'],
    image: 'nginxinc/nginx-unprivileged:1.27.3-alpine',
    routes: [{ host: 'billing.internal.example.com', gateway: 'internal' }],
  },
  {
    name: 'accounts',
    hosts: ['accounts.example.com', 'accounts.internal.example.com'],
    image: 'nginxinc/nginx-unprivileged:1.27.3-alpine',
    routes: [
      { host: 'accounts.example.com', gateway: 'public' },
      { host: 'accounts.internal.example.com', path: '/admin', gateway: 'internal' },
    ],
  },
];

/** Both shared gateways: their controllers, namespaces, IngressClasses and NetworkPolicies. */
export class GatewaysChart extends Chart {
  public readonly publicWeb: IngressClassGateway;
  public readonly internalApi: IngressClassGateway;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    this.publicWeb = new IngressClassGateway(this, 'PublicWeb', {
      className: 'public-web',
      controller: IngressController.traefik({ redirectToHttps: true }),
      exposure: GatewayExposure.publicLoadBalancer(),
      // Prometheus and Grafana run in "observability": the controller NetworkPolicy admits it on the metrics port, the
      // ServiceMonitors record it, and the Traefik dashboard ConfigMap lands there for Grafana's sidecar.
      monitoringNamespace: 'observability',
      monitoring: { prometheusLabels: { release: 'kube-prometheus-stack' }, alertSettings: { runbookBaseUrl: 'https://runbooks.example.com/gateways' } },
    });
    this.internalApi = new IngressClassGateway(this, 'InternalApi', {
      className: 'internal-api',
      controller: IngressController.haproxy(),
      exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS),
      // The corporate network; the controller's NetworkPolicy admits clients from nowhere else.
      allowedSourceCidrs: ['10.0.0.0/8'],
      // The control plane's subnet, so the controller's egress to the API server is not open to any address on 443.
      apiServerAccess: ApiServerAccess.fromCidrs(['10.100.0.0/24']),
      monitoringNamespace: 'observability',
      monitoring: { prometheusLabels: { release: 'kube-prometheus-stack' }, alertSettings: { runbookBaseUrl: 'https://runbooks.example.com/gateways' } },
    });
  }
}

/** The tenant's app: one Deployment listening on 8080 behind Service "http" on port 80. */
function addApp(tenant: Tenant, spec: TenantSpec): kplus.Service {
  const deployment = webAppDeployment(tenant, 'App', { name: spec.name, image: spec.image });
  return deployment.exposeViaService({ name: spec.name, ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
}

/** One folder per chart, one file per object: the layout a GitOps repo commits. */
export const appProps: AppProps = { yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE };

export function build(app: App): App {
  const gateways = new GatewaysChart(app, 'gateways');
  const byName: Record<GatewayName, IngressClassGateway> = { public: gateways.publicWeb, internal: gateways.internalApi };

  for (const spec of TENANTS) {
    const used = [...new Set(spec.routes.map((r) => r.gateway))].sort();
    const tenant = new Tenant(app, spec.name, { hosts: spec.hosts, gateways: used.map((g) => byName[g]) });
    const service = addApp(tenant, spec);
    spec.routes.forEach((route, i) => {
      const dashed = route.host.replace(/\./g, '-');
      const tlsSecretName = `${dashed}-tls`;
      // Certificates are issued by cert-manager outside this example; each Tenant admits its HTTP-01 solver pods.
      RuleEngine.of(app).declareExternalTlsSecret(tenant.namespace!, tlsSecretName);
      tenant.addRoute(`Route${i}`, {
        gateway: byName[route.gateway],
        host: route.host,
        path: route.path,
        backend: RouteBackend.fromService(service),
        tlsSecretName,
        // Readable, stable names: the file names of the GitOps repo.
        ingressName: dashed,
      });
    });
  }
  return app;
}

if (require.main === module) {
  build(new App(appProps)).synth();
}
