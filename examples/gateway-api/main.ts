/**
 * Envoy Gateway v1.9 on the Gateway API: the same gateways, tenants and routes as on the Ingress API, rendered as a
 * GatewayClass (with `parametersRef` to a hardened EnvoyProxy), Gateways with their listeners, one ListenerSet per
 * tenant with the tenant's hostnames (the cluster itself enforces host ownership), HTTPRoutes, and ReferenceGrants
 * only where a reference crosses namespaces.
 *
 * - `public-web`: internet-facing, Let's Encrypt certificates (HTTP-01 through a `gatewayHTTPRoute` solver whose
 *   parent is this gateway), plain HTTP only to redirect to HTTPS.
 * - `internal-api`: an internal AWS load balancer, reachable from the corporate network only, private-CA TLS.
 * - two tenants, `storefront` and `accounts`, each with its own namespace, hosts and ListenerSet.
 *
 * Prerequisites (not generated): Gateway API v1.6.1 standard CRDs, the Envoy Gateway v1.9 control plane,
 * cert-manager with --enable-gateway-api. See the README, "Choosing the API".
 */
import { App, Chart, ChartProps } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  AcmeIssuer, AcmeServer, CloudProvider, IngressController, InternalApiGateway, PublicWebGateway, RouteBackend, RoutingApi, Tenant,
} from '../../src';
import { webAppDeployment } from '../shared/web-app';

/** One tenant: the hosts it was granted, and the routes it serves on each gateway. */
interface TenantSpec {
  readonly name: string;
  readonly hosts: string[];
  readonly routes: Array<{ readonly host: string; readonly path?: string; readonly gateway: 'public' | 'internal' }>;
}

export const TENANTS: TenantSpec[] = [
  {
    name: 'storefront',
    hosts: ['shop.example.com', 'www.shop.example.com'],
    routes: [
      { host: 'shop.example.com', gateway: 'public' },
      { host: 'www.shop.example.com', gateway: 'public' },
    ],
  },
  {
    name: 'accounts',
    hosts: ['accounts.example.com', 'accounts.internal.example.com'],
    routes: [
      { host: 'accounts.example.com', gateway: 'public' },
      { host: 'accounts.internal.example.com', path: '/admin', gateway: 'internal' },
    ],
  },
];

/** Both gateways on the Gateway API, served by Envoy Gateway. */
export class GatewaysChart extends Chart {
  public readonly publicWeb: PublicWebGateway;
  public readonly internalApi: InternalApiGateway;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    // Try AcmeServer.LETS_ENCRYPT_STAGING first: its rate limits are far higher.
    const letsEncrypt = new AcmeIssuer(this, 'LetsEncrypt', { server: AcmeServer.LETS_ENCRYPT, email: 'platform@example.com' });
    this.publicWeb = new PublicWebGateway(this, 'PublicWeb', {
      className: 'public-web',
      controller: IngressController.envoyGateway(),
      issuer: letsEncrypt,
      // The one-prop switch: RoutingApi.INGRESS renders the same routes as Ingresses.
      api: RoutingApi.GATEWAY_API,
    });
    this.internalApi = new InternalApiGateway(this, 'InternalApi', {
      className: 'internal-api',
      controller: IngressController.envoyGateway(),
      provider: CloudProvider.AWS,
      allowedSourceCidrs: ['10.0.0.0/8'],
      rateLimitPerSecond: 50,
      api: RoutingApi.GATEWAY_API,
    });
  }
}

function addApp(tenant: Tenant, name: string): kplus.Service {
  return webAppDeployment(tenant, 'App', { name }).exposeViaService({ name, ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
}

export function build(app: App): App {
  const gateways = new GatewaysChart(app, 'gateways');
  const byName = { public: gateways.publicWeb, internal: gateways.internalApi };
  for (const spec of TENANTS) {
    const used = [...new Set(spec.routes.map((r) => r.gateway))].sort();
    const tenant = new Tenant(app, spec.name, { hosts: spec.hosts, gateways: used.map((g) => byName[g]) });
    const backend = RouteBackend.fromService(addApp(tenant, spec.name));
    spec.routes.forEach((route, i) => {
      const dashed = route.host.replace(/\./g, '-');
      tenant.addRoute(`Route${i}`, {
        gateway: byName[route.gateway],
        host: route.host,
        path: route.path,
        backend,
        // The gateway adds the cert-manager Certificate for it (explicit Certificates: see the README).
        tlsSecretName: `${dashed}-tls`,
        ingressName: dashed,
      });
    });
  }
  return app;
}

if (require.main === module) {
  build(new App()).synth();
}
