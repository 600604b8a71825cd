import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AcmeIssuer, AcmeServer, IngressController, PublicWebGateway, RestrictedWorkload, Route, RouteBackend,
} from 'cdk8s-gateways';

const app = new App();

// The ingress layer: one default public class, certificates from Let's Encrypt.
const ingress = new Chart(app, 'ingress');
const letsEncrypt = new AcmeIssuer(ingress, 'LetsEncrypt', {
  // Staging first: its certificates are not trusted by browsers, but its rate limits are far higher.
  // Switch to AcmeServer.LETS_ENCRYPT once the first certificate is issued.
  server: AcmeServer.LETS_ENCRYPT_STAGING,
  email: 'platform@example.com',
});
const gateway = new PublicWebGateway(ingress, 'PublicWeb', {
  className: 'public-web',
  controller: IngressController.traefik(),
  defaultClass: true,
  issuer: letsEncrypt,
});

// An app behind it: your own workloads are checked too (Pod Security restricted, requests and limits, pinned image).
const web = new Chart(app, 'web', { namespace: 'web' });
new kplus.Namespace(web, 'Namespace', { metadata: { name: 'web' } });
const deployment = new kplus.Deployment(web, 'Web', {
  replicas: 2,
  containers: [{
    image: 'nginxinc/nginx-unprivileged:1.27.3-alpine',
    portNumber: 8080,
    // nginx-unprivileged runs as user 101 and writes under /tmp and /var/cache/nginx.
    ...RestrictedWorkload.containerSettings({ user: 101, group: 101, readOnlyRootFilesystem: false }),
  }],
});
const service = deployment.exposeViaService({ name: 'web', ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
new Route(web, 'WebRoute', {
  gateway,
  host: 'www.example.com',
  backend: RouteBackend.fromService(service),
  tlsSecretName: 'www-example-com-tls', // the gateway adds the cert-manager Certificate for it
});

app.synth(); // fails with every finding if anything is unsafe or broken
