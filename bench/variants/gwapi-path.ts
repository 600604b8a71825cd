/**
 * The Gateway API user path (issue 15): the user path of `user-path.ts` with the gateway on the Gateway API and
 * Envoy Gateway, as `examples/gateway-api` writes it. One `PublicWebGateway` (`IngressController.envoyGateway()`,
 * `RoutingApi.GATEWAY_API`) with a Let's Encrypt `AcmeIssuer` (HTTP-01 through an HTTPRoute); 100 `Tenant`s, each
 * with its ListenerSet (one HTTPS listener per host, at most 50 hosts); per route an L1 `KubeService` and
 * `tenant.addRoute(...)` with a path and `tlsSecretName`, from which the library derives the HTTPRoute, the
 * Envoy Gateway policies, the Certificate (in the gateway's namespace), the ReferenceGrant and the NetworkPolicy
 * allowance. Rules on (the default) unless `rulesEnabled` is false.
 */
import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { AcmeIssuer, AcmeServer, IngressController, PathType, PublicWebGateway, RouteBackend, RoutingApi, RuleEngine, Tenant } from '../../src';
import { ACME_EMAIL, APP_LABELS, APP_PORT, PUBLIC_WEB, RouteSpec, SERVICE_PORT, routesByTenant, tenantHosts, tenantNamespace } from '../workload';
import { appDeploymentProps } from './library';

export function build(app: App, routes: RouteSpec[], rulesEnabled = true): void {
  RuleEngine.of(app).enabled = rulesEnabled;

  const ingress = new Chart(app, 'gateways');
  const gateway = new PublicWebGateway(ingress, 'PublicWeb', {
    className: PUBLIC_WEB.className,
    namespace: PUBLIC_WEB.namespace,
    controller: IngressController.envoyGateway(),
    api: RoutingApi.GATEWAY_API,
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
        path: route.path ?? '/',
        pathType: PathType.PREFIX,
        ingressName: route.name,
        backend: RouteBackend.fromServiceName(route.name, { port: SERVICE_PORT, podLabels: APP_LABELS, targetPort: APP_PORT }),
        tlsSecretName: route.secretName,
      });
    }
  });
}
