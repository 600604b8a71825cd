import { App, Chart, Testing } from 'cdk8s';
import { appService, quietStderr } from './tenant-test-utils';
import {
  AcmeIssuer, ControllerDeployment, GatewayApiDeployment, GatewayApiRouteTranslation, IIngressController, IngressController,
  PublicWebGateway, RouteBackend, RoutingApi, RuleEngine, Tenant,
} from '../../src';
import { ofKind, synthApp } from '../util/synth';

quietStderr();

/** A Gateway API implementation with in-cluster proxies that serves ListenerSets (as Envoy Gateway's profile will). */
class ListenerSetImplementation implements IIngressController {
  public readonly name = 'listener-set-proxy';
  public readonly selfHosted = false;
  public readonly gatewayApi = {
    name: 'listener-set-proxy',
    deploy: (): GatewayApiDeployment => ({
      controllerName: 'example.com/proxy',
      emitsGatewayClass: true,
      httpListenerPort: 80,
      httpsListenerPort: 443,
      supportsListenerSets: this.supportsListenerSets,
      proxyNamespace: 'proxies',
      proxyPodLabels: { 'app.kubernetes.io/name': 'proxy' },
    }),
    translateRouteOptions: (): GatewayApiRouteTranslation => ({ filters: [], objects: [], unsupported: [] }),
  };
  constructor(private readonly supportsListenerSets = true) {}
  public deploy(): ControllerDeployment {
    return { controllerValue: 'example.com/proxy' };
  }
  public translateRouteOptions() {
    return { annotations: {}, unsupported: [] };
  }
}

/** A public web Gateway API gateway and tenant "shop" with one TLS route to its own Service. */
function tenantApp(controller: IIngressController): { app: App; tenant: Tenant } {
  const app = Testing.app();
  const infra = new Chart(app, 'ingress');
  const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com' });
  const gateway = new PublicWebGateway(infra, 'Gateway', { className: 'public-web', controller, api: RoutingApi.GATEWAY_API, issuer });
  const tenant = new Tenant(app, 'shop', { hosts: ['shop.example.com'], gateways: [gateway] });
  tenant.addRoute('Www', { host: 'shop.example.com', backend: RouteBackend.fromService(appService(tenant, 'web')), tlsSecretName: 'shop-tls' });
  return { app, tenant };
}

describe('Tenants on a Gateway API gateway', () => {
  it('gives the tenant its own ListenerSet with its host, and attaches its routes to it', () => {
    // GIVEN an implementation that serves ListenerSets
    const { app } = tenantApp(new ListenerSetImplementation());
    // WHEN
    const objs = synthApp(app);
    // THEN one ListenerSet in the tenant namespace, parented to the Gateway, with one HTTPS listener for its host and its Secret
    const [set] = ofKind(objs, 'ListenerSet');
    expect(set.metadata).toMatchObject({ name: 'gateway-public-web', namespace: 'shop' });
    expect(set.spec).toStrictEqual({
      parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public-web', namespace: 'ingress-public-web' },
      listeners: [{
        name: 'https-shop.example.com',
        hostname: 'shop.example.com',
        port: 443,
        protocol: 'HTTPS',
        tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'shop.shop-tls', namespace: 'ingress-public-web' }] },
        allowedRoutes: { namespaces: { from: 'Same' }, kinds: [{ kind: 'HTTPRoute' }] },
      }],
    });
    // AND the route's parent is the ListenerSet's listener
    const route = ofKind(objs, 'HTTPRoute').find((r) => r.metadata.namespace === 'shop');
    expect(route.spec.parentRefs).toStrictEqual([{ group: 'gateway.networking.k8s.io', kind: 'ListenerSet', name: 'gateway-public-web', sectionName: 'https-shop.example.com' }]);
    // AND the Gateway admits ListenerSets only from tenant namespaces and keeps no listener for the tenant host
    const [gw] = ofKind(objs, 'Gateway');
    expect(gw.spec.allowedListeners).toStrictEqual({
      namespaces: { from: 'Selector', selector: { matchExpressions: [{ key: 'gateways.cdk8s.io/tenant', operator: 'Exists' }] } },
    });
    expect(gw.spec.listeners.map((l: any) => l.name)).toStrictEqual(['http']);
    // AND the key stays in the Gateway's namespace (the Certificate too), read by the tenant's ListenerSet alone through one grant
    expect(ofKind(objs, 'Certificate').map((c) => [c.metadata.namespace, c.spec.secretName])).toStrictEqual([['ingress-public-web', 'shop.shop-tls']]);
    expect(ofKind(objs, 'ReferenceGrant').map((g) => [g.metadata.namespace, g.metadata.name, g.spec])).toStrictEqual([['ingress-public-web', 'shop.gateway-public-web-tls', {
      from: [{ group: 'gateway.networking.k8s.io', kind: 'ListenerSet', namespace: 'shop' }],
      to: [{ group: '', kind: 'Secret', name: 'shop.shop-tls' }],
    }]]);
    // AND the plain HTTP listener (no hostname) admits the Gateway's namespace only, never the tenant's
    expect(gw.spec.listeners[0].allowedRoutes.namespaces.selector.matchExpressions[0].values).toStrictEqual(['ingress-public-web']);
    // AND no Gateway API rule fires (CG-GWAPI-008 included)
    const report = RuleEngine.of(app).run();
    expect([...report.errors, ...report.warnings].map((f) => f.ruleId).filter((id) => id.startsWith('CG-GWAPI'))).toStrictEqual([]);
  });

  it('rejects a tenant with more hosts than its ListenerSet takes (65 of 64), as input on the route', () => {
    // GIVEN tenant shop with 65 hosts under *.shop.example.com, one route each
    const app = Testing.app();
    const infra = new Chart(app, 'ingress');
    const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com' });
    const gateway = new PublicWebGateway(infra, 'Gateway', { className: 'public-web', controller: new ListenerSetImplementation(), api: RoutingApi.GATEWAY_API, issuer });
    const tenant = new Tenant(app, 'shop', { hosts: ['*.shop.example.com'], gateways: [gateway] });
    const backend = RouteBackend.fromService(appService(tenant, 'web'));
    for (let i = 0; i < 65; i++) tenant.addRoute(`R${i}`, { host: `h${i}.shop.example.com`, backend, tlsSecretName: `h${i}-tls` });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN an input finding on the route that created the ListenerSet, saying how to split, and CG-GWAPI-010 on the object
    expect(errors.map((f) => [f.ruleId, f.constructPath, f.field, f.value])).toStrictEqual([
      ['CG-INPUT-001', 'shop/R0', 'host', '65'],
      ['CG-GWAPI-010', 'shop/R0/ListenerSet', 'spec.listeners', '65'],
    ]);
    expect(errors[0].message).toContain('a ListenerSet takes at most 64');
  });

  it('admits the implementation\'s proxy pods to the tenant\'s backend', () => {
    // GIVEN / WHEN
    const { app } = tenantApp(new ListenerSetImplementation());
    const objs = synthApp(app);
    // THEN the tenant's allowance comes from the proxies' namespace and labels
    const allowance = ofKind(objs, 'NetworkPolicy').find((p) => p.metadata.name === 'allow-public-web-to-web');
    expect(allowance.spec.ingress[0].from).toStrictEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'proxies' } },
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'proxy' } },
    }]);
  });

  it('without ListenerSet support, keeps the tenant host on the Gateway, admitting only the tenant namespace', () => {
    // GIVEN an implementation without ListenerSets (as Traefik v3.7)
    const { app } = tenantApp(new ListenerSetImplementation(false));
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'ListenerSet')).toHaveLength(0);
    const listener = ofKind(objs, 'Gateway')[0].spec.listeners.find((l: any) => l.name === 'https-shop.example.com');
    expect(listener.allowedRoutes.namespaces.selector.matchExpressions[0].values).toStrictEqual(['shop']);
    expect(ofKind(objs, 'Gateway')[0].spec.allowedListeners).toBeUndefined();
    // AND the Gateway reads the tenant's key in its own namespace: no ReferenceGrant
    expect(listener.tls.certificateRefs).toStrictEqual([{ group: '', kind: 'Secret', name: 'shop.shop-tls' }]);
    expect(ofKind(objs, 'ReferenceGrant')).toStrictEqual([]);
  });

  it('on Traefik (no ListenerSets), gives each tenant host a Gateway listener that admits only that tenant\'s namespace', () => {
    // GIVEN two tenants on a Traefik public web gateway, each with its own host
    const app = Testing.app();
    const infra = new Chart(app, 'ingress');
    const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com' });
    const gateway = new PublicWebGateway(infra, 'Gateway', { className: 'public-web', controller: IngressController.traefik(), api: RoutingApi.GATEWAY_API, issuer });
    for (const name of ['shop', 'blog']) {
      const tenant = new Tenant(app, name, { hosts: [`${name}.example.com`], gateways: [gateway] });
      tenant.addRoute('Www', { host: `${name}.example.com`, backend: RouteBackend.fromService(appService(tenant, 'web')), tlsSecretName: 'www-tls' });
    }
    // WHEN
    const objs = synthApp(app);
    // THEN every listener admits exactly: the redirect listener (no hostname) the Gateway's namespace, each host's listener its tenant
    const admitted = Object.fromEntries(ofKind(objs, 'Gateway')[0].spec.listeners.map((l: any) => [
      l.hostname ?? '(none)', l.allowedRoutes.namespaces.selector.matchExpressions[0].values,
    ]));
    expect(admitted).toStrictEqual({ '(none)': ['ingress-public-web'], 'blog.example.com': ['blog'], 'shop.example.com': ['shop'] });
    // AND the same tlsSecretName in both tenants gives two Secrets in the Gateway's namespace
    expect(ofKind(objs, 'Certificate').map((c) => c.spec.secretName).sort()).toStrictEqual(['blog.www-tls', 'shop.www-tls']);
    // AND no tenant namespace is admitted on a listener beyond its hosts (CG-GWAPI-009), nor any other Gateway API rule
    const report = RuleEngine.of(app).run();
    expect([...report.errors, ...report.warnings].map((f) => f.ruleId).filter((id) => id.startsWith('CG-GWAPI'))).toStrictEqual([]);
  });

  it('rejects a tenant route through an existing GatewayClass, whose proxy pods its isolated namespace can not admit', () => {
    // GIVEN the existing class
    const { app } = tenantApp(IngressController.gatewayClass('istio'));
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN
    expect(errors.map((f) => [f.ruleId, f.constructPath, f.field])).toStrictEqual([['CG-INPUT-001', 'shop/Www', 'gateway']]);
    expect(errors[0].message).toContain('can not name its proxy pods');
  });
});
