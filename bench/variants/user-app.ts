/**
 * The app both user paths write, the way the README and the examples show it: one `PublicWebGateway` with a Let's
 * Encrypt `AcmeIssuer`; 100 `Tenant`s, each allowed `*.<namespace>.example.com` and the gateway; per tenant the app
 * Deployment; per route an L1 `KubeService` and `tenant.addRoute(...)` with a `tlsSecretName`. The variants differ
 * only in the gateway's controller and API and in what each route adds.
 */
import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { AcmeIssuer, AcmeServer, PublicWebGateway, PublicWebGatewayProps, RouteBackend, RouteProps, RuleEngine, Tenant } from '../../src';
import { ACME_EMAIL, APP_LABELS, APP_PORT, PUBLIC_WEB, RouteSpec, SERVICE_PORT, routesByTenant, tenantHosts, tenantNamespace } from '../workload';
import { appDeploymentProps } from './library';

/** What a user path chooses: the gateway's controller and API, and each route's extra props. */
export interface UserAppChoices {
  readonly gateway: Pick<PublicWebGatewayProps, 'controller' | 'api' | 'defaultClass'>;
  readonly routeProps?: (route: RouteSpec) => Partial<RouteProps>;
}

export function buildUserApp(app: App, routes: RouteSpec[], choices: UserAppChoices, rulesEnabled: boolean): void {
  RuleEngine.of(app).enabled = rulesEnabled;

  const ingress = new Chart(app, 'gateways');
  const gateway = new PublicWebGateway(ingress, 'PublicWeb', {
    className: PUBLIC_WEB.className,
    namespace: PUBLIC_WEB.namespace,
    ...choices.gateway,
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
        ...choices.routeProps?.(route),
      });
    }
  });
}
