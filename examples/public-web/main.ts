/**
 * The classic single-controller setup, the secure way: one default public-web gateway whose routes are all served
 * over HTTPS with certificates that cert-manager issues from Let's Encrypt and renews.
 *
 * The output holds the Let's Encrypt ClusterIssuer (HTTP-01 through the gateway's class), one Certificate per TLS
 * secret with exactly the hosts of the Ingresses that reference the secret, and those Ingresses.
 */
import { App, Chart, ChartProps, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { AcmeIssuer, AcmeServer, IngressController, PublicWebGateway, Route, RouteBackend } from '../../src';
import { webAppDeployment } from '../shared/web-app';

export class IngressChart extends Chart {
  public readonly gateway: PublicWebGateway;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    // Try a setup against AcmeServer.LETS_ENCRYPT_STAGING first: its rate limits are far higher.
    const letsEncrypt = new AcmeIssuer(this, 'LetsEncrypt', {
      server: AcmeServer.LETS_ENCRYPT,
      email: 'platform@example.com',
    });
    // Registers itself as the issuer's HTTP-01 solver: challenges are served through the "public-web" class.
    this.gateway = new PublicWebGateway(this, 'PublicWeb', {
      className: 'public-web',
      controller: IngressController.nginx(),
      defaultClass: true,
      issuer: letsEncrypt,
      // ServiceMonitor, alerts (controller down, reload failures, 5xx, p99 latency, backends and certificates) and the
      // ingress-nginx Grafana dashboard; kube-prometheus-stack's Prometheus selects them by its release label.
      monitoring: {
        prometheusLabels: { release: 'kube-prometheus-stack' },
        alertSettings: { errorRatioThreshold: 0.02, certificateExpiryWithin: Duration.days(21) },
      },
    });
  }
}

export class WebAppChart extends Chart {
  constructor(scope: Construct, id: string, gateway: PublicWebGateway, props: ChartProps = {}) {
    super(scope, id, props);
    const web = webDeployment(this, 'Web');
    const service = web.exposeViaService({ name: 'web', ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
    const backend = RouteBackend.fromService(service);

    // Two routes on one host share its secret, and so its Certificate.
    new Route(this, 'WebRoute', { gateway, host: 'www.example.com', backend, tlsSecretName: 'www-example-com-tls' });
    new Route(this, 'AssetsRoute', {
      gateway,
      host: 'www.example.com',
      path: '/assets',
      backend,
      tlsSecretName: 'www-example-com-tls',
      options: { maxRequestBodySize: Size.mebibytes(1) },
    });
    // Another host gets a secret and Certificate of its own.
    new Route(this, 'ShopRoute', { gateway, host: 'shop.example.com', backend, tlsSecretName: 'shop-example-com-tls' });
  }
}

function webDeployment(scope: Construct, id: string): kplus.Deployment {
  return webAppDeployment(scope, id, { name: 'web' });
}

export function build(app: App): App {
  const ingress = new IngressChart(app, 'ingress');
  new WebAppChart(app, 'web', ingress.gateway, { namespace: 'web' });
  return app;
}

if (require.main === module) {
  build(new App()).synth();
}
