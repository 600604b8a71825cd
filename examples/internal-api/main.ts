/**
 * An internal API gateway: reachable only through an internal AWS load balancer, from the corporate network
 * 10.20.0.0/16 (enforced by the load balancer, ingress-nginx itself and the controller's NetworkPolicy), with TLS
 * certificates from the gateway's own private CA, a per-client rate limit, and one route that requires client
 * certificates (mutual TLS).
 */
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { CloudProvider, IngressController, InternalApiGateway, Route, RouteBackend } from '../../src';
import { webAppDeployment } from '../shared/web-app';

export class InternalIngressChart extends Chart {
  public readonly gateway: InternalApiGateway;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    this.gateway = new InternalApiGateway(this, 'InternalApi', {
      className: 'internal-api',
      // ingress-nginx is the controller that applies client certificate authentication per route.
      controller: IngressController.nginx(),
      // From configuration: CloudProvider.of('aws') fails on an unknown name, listing the supported ones.
      provider: CloudProvider.of('aws'),
      allowedSourceCidrs: ['10.20.0.0/16'],
      rateLimitPerSecond: 20,
    });
  }
}

export class OrdersChart extends Chart {
  constructor(scope: Construct, id: string, gateway: InternalApiGateway, props: ChartProps = {}) {
    super(scope, id, props);
    const service = apiDeployment(this, 'Orders').exposeViaService({ name: 'orders', ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
    const backend = RouteBackend.fromService(service);
    new Route(this, 'OrdersRoute', { gateway, host: 'orders.internal.mycompany.com', backend, tlsSecretName: 'orders-internal-tls' });
    // Partner systems authenticate with client certificates signed by the partner CA (a Secret with ca.crt).
    new Route(this, 'PartnerRoute', {
      gateway,
      host: 'partners.internal.mycompany.com',
      backend,
      tlsSecretName: 'partners-internal-tls',
      options: {
        clientCertificate: { caSecretName: 'partner-ca', caSecretNamespace: 'orders' },
        maxRequestBodySize: Size.mebibytes(1),
      },
    });
  }
}

function apiDeployment(scope: Construct, id: string): kplus.Deployment {
  return webAppDeployment(scope, id, { name: 'api' });
}

export function build(app: App): App {
  const ingress = new InternalIngressChart(app, 'ingress');
  new OrdersChart(app, 'orders', ingress.gateway, { namespace: 'orders' });
  return app;
}

if (require.main === module) {
  build(new App()).synth();
}
