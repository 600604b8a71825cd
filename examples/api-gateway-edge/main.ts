/**
 * The edge-to-API-gateway layout: a Traefik edge class terminates TLS for api.mycompany.com (Let's Encrypt) and
 * forwards everything to a Kong API gateway tier in its own namespace, which routes /orders and /payments to two
 * upstream services.
 *
 * NetworkPolicies: only the edge controller may reach the Kong pods (on the proxy port), and Kong may reach only the
 * two upstreams and cluster DNS.
 */
import { App, Chart, ChartProps } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { AcmeIssuer, ApiGatewayEdge, ApiGatewayTier, IngressController, RouteBackend, Suppressions } from '../../src';
import { webAppDeployment } from '../shared/web-app';

/** The two upstream services, in namespace `services`. */
export class ServicesChart extends Chart {
  public readonly orders: kplus.Service;
  public readonly payments: kplus.Service;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    this.orders = apiDeployment(this, 'Orders').exposeViaService({ name: 'orders', ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
    this.payments = apiDeployment(this, 'Payments').exposeViaService({ name: 'payments', ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
  }
}

/** The Kong tier (DB-less, declarative configuration) in namespace `api-gateway`. */
export class ApiGatewayChart extends Chart {
  public readonly tier: ApiGatewayTier;

  constructor(scope: Construct, id: string, services: ServicesChart, props: ChartProps = {}) {
    super(scope, id, props);
    const kongConfig = {
      _format_version: '3.0',
      services: [
        { name: 'orders', url: 'http://orders.services.svc.cluster.local:80', routes: [{ name: 'orders', paths: ['/orders'] }] },
        { name: 'payments', url: 'http://payments.services.svc.cluster.local:80', routes: [{ name: 'payments', paths: ['/payments'] }] },
      ],
      plugins: [
        // The edge (Traefik) can not limit request bodies; Kong does, for every route.
        { name: 'request-size-limiting', config: { allowed_payload_size: 8, size_unit: 'megabytes' } },
      ],
    };
    this.tier = new ApiGatewayTier(this, 'Kong', {
      name: 'kong',
      namespace: 'api-gateway',
      image: 'docker.io/library/kong:3.9.1',
      runAsUser: 1000,
      proxyPort: 8000,
      healthCheckPort: 8100,
      healthCheckPath: '/status',
      env: {
        KONG_DATABASE: 'off',
        KONG_DECLARATIVE_CONFIG_STRING: JSON.stringify(kongConfig),
        KONG_PREFIX: '/tmp/kong',
        KONG_PROXY_LISTEN: '0.0.0.0:8000',
        KONG_STATUS_LISTEN: '0.0.0.0:8100',
        KONG_ADMIN_LISTEN: 'off',
        // The edge is the only client: trust its X-Forwarded-For (pod addresses), recursively from the left.
        KONG_TRUSTED_IPS: '10.0.0.0/8,172.16.0.0/12,192.168.0.0/16',
        KONG_REAL_IP_HEADER: 'X-Forwarded-For',
      },
      upstreams: [RouteBackend.fromService(services.orders), RouteBackend.fromService(services.payments)],
    });
  }
}

export class EdgeChart extends Chart {
  public readonly edge: ApiGatewayEdge;

  constructor(scope: Construct, id: string, tier: ApiGatewayTier, props: ChartProps = {}) {
    super(scope, id, props);
    const letsEncrypt = new AcmeIssuer(this, 'LetsEncrypt', { email: 'platform@mycompany.com' });
    this.edge = new ApiGatewayEdge(this, 'ApiEdge', {
      host: 'api.mycompany.com',
      edge: { className: 'api-edge', controller: IngressController.traefik(), issuer: letsEncrypt },
      apiGateway: tier.backend,
      rateLimitPerSecond: 50,
    });
    Suppressions.of(this.edge).add('CG-GATEWAY-005', 'Kong request-size-limiting caps request bodies at 8 MB in the API gateway tier');
    Suppressions.of(this.edge).add('CG-TLS-013', 'Kong request-size-limiting caps request bodies at 8 MB in the API gateway tier');
  }
}

function apiDeployment(scope: Construct, id: string): kplus.Deployment {
  return webAppDeployment(scope, id, { name: 'api' });
}

export function build(app: App): App {
  const services = new ServicesChart(app, 'services', { namespace: 'services' });
  const apiGateway = new ApiGatewayChart(app, 'api-gateway', services);
  new EdgeChart(app, 'edge', apiGateway.tier);
  return app;
}

if (require.main === module) {
  build(new App()).synth();
}
