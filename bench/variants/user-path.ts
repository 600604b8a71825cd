/**
 * The user path (issue 14): the app written the way the README and `examples/multi-tenant` show it, not the
 * lighter path of `library.ts` (which writes each Certificate and NetworkPolicy by hand).
 *
 * One `PublicWebGateway` (ingress-nginx, the default class) with a Let's Encrypt `AcmeIssuer`; 100 `Tenant`s,
 * each allowed `*.<namespace>.example.com` and the gateway; per tenant the app Deployment; per route an L1
 * `KubeService` and `tenant.addRoute(...)` with a `tlsSecretName`, from which the library derives the Ingress,
 * the Certificate and the NetworkPolicy allowance. Rules on (the default) unless `rulesEnabled` is false.
 */
import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { AcmeIssuer, AcmeServer, IngressController, PublicWebGateway, RouteBackend, RuleEngine, Tenant } from '../../src';
import { ACME_EMAIL, APP_LABELS, APP_PORT, PUBLIC_WEB, RouteSpec, SERVICE_PORT, routesByTenant, tenantHosts, tenantNamespace } from '../workload';
import { appDeploymentProps } from './library';

export function build(app: App, routes: RouteSpec[], rulesEnabled = true): void {
  RuleEngine.of(app).enabled = rulesEnabled;

  const ingress = new Chart(app, 'gateways');
  const gateway = new PublicWebGateway(ingress, 'PublicWeb', {
    className: PUBLIC_WEB.className,
    namespace: PUBLIC_WEB.namespace,
    controller: IngressController.nginx(),
    defaultClass: true,
    issuer: new AcmeIssuer(ingress, 'LetsEncrypt', { server: AcmeServer.LETS_ENCRYPT, email: ACME_EMAIL }),
  });

  routesByTenant(routes).forEach((tenantRoutes, i) => {
    const tenant = new Tenant(app, tenantNamespace(i), { hosts: tenantHosts(i), gateways: [gateway] });
    new k8s.KubeDeployment(tenant, 'App', appDeploymentProps());
    for (const route of tenantRoutes) {
      new k8s.KubeService(tenant, `${route.name}-svc`, {
        metadata: { name: route.name },
        spec: {
          type: 'ClusterIP',
          selector: APP_LABELS,
          ports: [{ name: 'http', port: SERVICE_PORT, targetPort: k8s.IntOrString.fromNumber(APP_PORT), protocol: 'TCP' }],
        },
      });
      tenant.addRoute(`${route.name}-route`, {
        host: route.host,
        ingressName: route.name,
        // An L1 Service: the pods and target port are given, so the tenant's policy admits the controller to them.
        backend: RouteBackend.fromServiceName(route.name, { port: SERVICE_PORT, podLabels: APP_LABELS, targetPort: APP_PORT }),
        tlsSecretName: route.secretName,
      });
    }
  });
}
