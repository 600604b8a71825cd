/**
 * A migration from the Ingress API to the Gateway API with one Traefik: `api: RoutingApi.INGRESS_AND_GATEWAY_API`
 * renders every route both as an Ingress and as an HTTPRoute, and the gateway's single Traefik deployment serves
 * both (its Ingress provider and its Gateway provider are on side by side). Point traffic at the same load balancer,
 * compare, then set `api: RoutingApi.GATEWAY_API` to drop the Ingresses.
 *
 * Traefik's Gateway API listeners are its entry points (8000, 8443); the Service still publishes 80 and 443.
 * The routes use only options both renderings apply: per-route allowlists and rate limits become Middlewares on the
 * Gateway API, but Traefik's Ingress provider can not apply them per route, so in this mode they would be reported.
 *
 * Prerequisites (not generated): Gateway API v1.6.1 standard CRDs; Traefik's CRDs (traefik.io), which the CRD
 * provider behind Middleware filters watches; cert-manager with --enable-gateway-api.
 */
import { App, Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { AcmeIssuer, AcmeServer, IngressController, PublicWebGateway, Route, RouteBackend, RoutingApi } from '../../src';
import { webAppDeployment } from '../shared/web-app';

export class IngressChart extends Chart {
  public readonly gateway: PublicWebGateway;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const letsEncrypt = new AcmeIssuer(this, 'LetsEncrypt', { server: AcmeServer.LETS_ENCRYPT, email: 'platform@example.com' });
    this.gateway = new PublicWebGateway(this, 'PublicWeb', {
      className: 'public-web',
      controller: IngressController.traefik(),
      issuer: letsEncrypt,
      // Both APIs from one Traefik, for the migration.
      api: RoutingApi.INGRESS_AND_GATEWAY_API,
    });
  }
}

export class WebAppChart extends Chart {
  constructor(scope: Construct, id: string, gateway: PublicWebGateway, props: ChartProps = {}) {
    super(scope, id, props);
    const service = webAppDeployment(this, 'Web', { name: 'web' })
      .exposeViaService({ name: 'web', ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
    const backend = RouteBackend.fromService(service);
    new Route(this, 'WebRoute', { gateway, host: 'www.example.com', backend, tlsSecretName: 'www-example-com-tls' });
    new Route(this, 'AssetsRoute', { gateway, host: 'www.example.com', path: '/assets', backend, tlsSecretName: 'www-example-com-tls' });
    new Route(this, 'ShopRoute', { gateway, host: 'shop.example.com', backend, tlsSecretName: 'shop-example-com-tls' });
  }
}

export function build(app: App): App {
  const ingress = new IngressChart(app, 'ingress');
  new WebAppChart(app, 'web', ingress.gateway, { namespace: 'web' });
  return app;
}

if (require.main === module) {
  build(new App()).synth();
}
