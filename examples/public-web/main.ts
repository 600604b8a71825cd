/**
 * The classic single-controller setup: one default nginx class, a web app, and an HTTPS route to it.
 */
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { GatewayExposure, IngressClassGateway, IngressController, Route, RouteBackend, RuleEngine } from '../../src';

export class IngressChart extends Chart {
  public readonly gateway: IngressClassGateway;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    this.gateway = new IngressClassGateway(this, 'PublicWeb', {
      className: 'public-web',
      controller: IngressController.nginx(),
      defaultClass: true,
      exposure: GatewayExposure.publicLoadBalancer(),
    });
  }
}

export class WebAppChart extends Chart {
  constructor(scope: Construct, id: string, gateway: IngressClassGateway, props: ChartProps = {}) {
    super(scope, id, props);
    const web = new kplus.Deployment(this, 'Web', {
      replicas: 2,
      containers: [{
        name: 'web',
        image: 'nginxinc/nginx-unprivileged:1.27.3-alpine',
        portNumber: 8080,
        resources: {
          cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(500) },
          memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
        },
        securityContext: {
          user: 101,
          group: 101,
          ensureNonRoot: true,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: false,
          capabilities: { drop: [kplus.Capability.ALL] },
          seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
        },
        liveness: kplus.Probe.fromHttpGet('/', { port: 8080 }),
        readiness: kplus.Probe.fromHttpGet('/', { port: 8080 }),
      }],
      securityContext: { ensureNonRoot: true },
    });
    const service = web.exposeViaService({ name: 'web', ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
    new Route(this, 'WebRoute', {
      gateway,
      host: 'www.example.com',
      backend: RouteBackend.fromService(service),
      tlsSecretName: 'www-example-com-tls',
    });
  }
}

export function build(app: App): App {
  // The certificate is issued outside this example (cert-manager TLS arrives with PublicWebGateway).
  RuleEngine.of(app).declareExternalTlsSecret('web', 'www-example-com-tls');
  const ingress = new IngressChart(app, 'ingress');
  new WebAppChart(app, 'web', ingress.gateway, { namespace: 'web' });
  return app;
}

if (require.main === module) {
  build(new App()).synth();
}
