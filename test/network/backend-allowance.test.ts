import { Chart } from 'cdk8s';
import { egressFlows, ingressFlows, named } from './policy-sets';
import { IngressClassGateway, IngressController, NetworkIsolation, Route, RouteBackend } from '../../src';
import { appService, gatewayApp, quietStderr } from '../tenancy/tenant-test-utils';
import { lintObjects } from '../util/manifests';
import { inputErrors, ofKind, synthApp } from '../util/synth';

quietStderr();

const TRAEFIK_PEER = 'ns:ingress-public-web pods:app.kubernetes.io/component=controller,app.kubernetes.io/instance=public-web,app.kubernetes.io/name=traefik';

/** An app with a Traefik gateway and chart `shop` (namespace shop), declared isolated. */
function isolatedShop() {
  const { app, gateways, gateway } = gatewayApp();
  NetworkIsolation.of(app).declareIsolatedNamespace('shop');
  const shop = new Chart(app, 'shop', { namespace: 'shop' });
  return { app, gateways, gateway, shop };
}

describe('backend allowance in an isolated namespace', () => {
  it('admits the gateway controller pods to the backend pods on the target port only', () => {
    // GIVEN an isolated namespace and a route to a cdk8s-plus Service (80 → 8080)
    const { app, gateway, shop } = isolatedShop();
    const service = appService(shop, 'web', 8080);
    new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromService(service) });
    // WHEN
    const objs = synthApp(app);
    // THEN one policy in the backend namespace, selecting the Service's pods, admitting the controller on 8080
    const policy = named(objs, 'NetworkPolicy', 'allow-public-web-to-web', 'shop');
    expect(policy.spec.policyTypes).toStrictEqual(['Ingress']);
    expect(policy.spec.podSelector).toStrictEqual({ matchLabels: named(objs, 'Service', 'web').spec.selector });
    expect(ingressFlows(policy)).toStrictEqual([`${TRAEFIK_PEER} -> TCP/8080`]);
    expect(policy.metadata.labels).toStrictEqual({ 'app.kubernetes.io/managed-by': 'cdk8s-gateways', 'gateways.cdk8s.io/ingress-class': 'public-web' });
  });

  it('writes nothing for a namespace that is not isolated (an allowance would isolate the pods)', () => {
    // GIVEN a route into a namespace nobody declared isolated
    const { app, gateway } = gatewayApp();
    const blog = new Chart(app, 'blog', { namespace: 'blog' });
    new Route(blog, 'Route', { gateway, host: 'blog.example.com', backend: RouteBackend.fromService(appService(blog, 'blog')) });
    // WHEN
    const objs = synthApp(app);
    // THEN only the controller's own policy
    expect(ofKind(objs, 'NetworkPolicy').map((p) => p.metadata.name)).toStrictEqual(['public-web-controller']);
  });

  it('shares one policy among the routes of one gateway to one Service, with the union of their target ports', () => {
    // GIVEN two routes to two ports of one Service (80 → 8080, 81 → 9090)
    const { app, gateway, shop } = isolatedShop();
    const service = appService(shop, 'web', 8080);
    service.bind(81, { targetPort: 9090, name: 'admin' });
    new Route(shop, 'Web', { gateway, host: 'shop.example.com', backend: RouteBackend.fromService(service, { port: 80 }) });
    new Route(shop, 'Admin', { gateway, host: 'shop.example.com', path: '/admin', backend: RouteBackend.fromService(service, { port: 81 }) });
    // WHEN
    const objs = synthApp(app);
    // THEN
    const policies = ofKind(objs, 'NetworkPolicy').filter((p) => p.metadata.namespace === 'shop');
    expect(policies.map((p) => p.metadata.name)).toStrictEqual(['allow-public-web-to-web']);
    expect(ingressFlows(policies[0])).toStrictEqual([`${TRAEFIK_PEER} -> TCP/8080`, `${TRAEFIK_PEER} -> TCP/9090`]);
  });

  it('writes one policy per gateway when two gateways route to one Service', () => {
    // GIVEN a public and an internal gateway routing to the same Service
    const { app, gateways, gateway, shop } = isolatedShop();
    const internal = new IngressClassGateway(gateways, 'Internal', { className: 'internal-api', controller: IngressController.haproxy() });
    const service = appService(shop, 'web');
    new Route(shop, 'Public', { gateway, host: 'shop.example.com', backend: RouteBackend.fromService(service) });
    new Route(shop, 'Internal', { gateway: internal, host: 'shop.internal.example.com', backend: RouteBackend.fromService(service) });
    // WHEN
    const objs = synthApp(app);
    // THEN each admits its own controller pods only
    expect(ingressFlows(named(objs, 'NetworkPolicy', 'allow-public-web-to-web'))).toStrictEqual([`${TRAEFIK_PEER} -> TCP/8080`]);
    expect(ingressFlows(named(objs, 'NetworkPolicy', 'allow-internal-api-to-web'))).toStrictEqual([
      'ns:ingress-internal-api pods:app.kubernetes.io/component=controller,app.kubernetes.io/instance=internal-api,app.kubernetes.io/name=haproxy-ingress -> TCP/8080',
    ]);
  });

  it('uses the pods and target port given for a Service by name', () => {
    // GIVEN a Service defined outside this app, its pods labelled app=legacy, target port 9000
    const { app, gateway, shop } = isolatedShop();
    new Route(shop, 'Route', {
      gateway, host: 'shop.example.com', backend: RouteBackend.fromServiceName('legacy', { port: 80, podLabels: { app: 'legacy' }, targetPort: 9000 }),
    });
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'allow-public-web-to-legacy');
    // THEN
    expect(policy.spec.podSelector).toStrictEqual({ matchLabels: { app: 'legacy' } });
    expect(ingressFlows(policy)).toStrictEqual([`${TRAEFIK_PEER} -> TCP/9000`]);
  });

  it('fails synth for a backend whose pods can not be identified, naming the route and host', () => {
    // GIVEN a Service by name without pod labels in an isolated namespace
    const { app, gateway, shop } = isolatedShop();
    new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromServiceName('legacy', { port: 80, targetPort: 8080 }) });
    // WHEN / THEN
    expect(() => synthApp(app)).toThrow(
      'route shop/Route (host "shop.example.com"): the pods of backend Service "legacy" in isolated namespace "shop" can not be identified');
  });

  it('fails synth for a backend whose target port can not be identified', () => {
    // GIVEN pod labels but only a Service port name
    const { app, gateway, shop } = isolatedShop();
    new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromServiceName('legacy', { portName: 'http', podLabels: { app: 'legacy' } }) });
    // WHEN / THEN
    expect(() => synthApp(app)).toThrow('the target port of backend Service "legacy" in isolated namespace "shop" can not be identified');
  });

  it('fails synth for a route into an isolated namespace through a cloud-managed gateway', () => {
    // GIVEN an AGIC gateway (its proxy is outside the cluster)
    const { app, gateways, shop } = isolatedShop();
    const agic = new IngressClassGateway(gateways, 'Agic', { className: 'agic', controller: IngressController.azureApplicationGateway({ className: 'agic' }) });
    new Route(shop, 'Route', { gateway: agic, host: 'shop.example.com', backend: RouteBackend.fromService(appService(shop, 'web')) });
    // WHEN / THEN the route is reported as an input mistake, and synth fails on it
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'shop/Route',
      field: 'gateway',
      value: '"agic"',
      message: expect.stringContaining('route (host "shop.example.com") is on gateway "agic", whose proxy runs outside the cluster'),
    }]);
    expect(() => synthApp(app)).toThrow(/CG-INPUT-001 at shop\/Route/);
  });

  it('produces manifests CG-NETPOL-001 accepts, with a default-deny on both sides', () => {
    // GIVEN an isolated namespace with a route, and the default-deny its isolation stands for
    const { app, gateway, shop } = isolatedShop();
    new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromService(appService(shop, 'web')) });
    // WHEN
    const objs = synthApp(app);
    const deny = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } };
    const report = lintObjects([...objs, deny]);
    // THEN the controller can leave (egress) and the backend admits it (ingress)
    expect(report.findings.filter((f) => f.ruleId === 'CG-NETPOL-001')).toStrictEqual([]);
    expect(egressFlows(named(objs, 'NetworkPolicy', 'public-web-controller')).some((f) => f.startsWith('ns:shop pods:') && f.endsWith('TCP/8080'))).toBe(true);
  });

  it('admits a route declared before its namespace was isolated (binding happens at synth, issue 14)', () => {
    // GIVEN the route first, then the isolation and a default-deny
    const { app, gateway } = gatewayApp();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromService(appService(shop, 'web')) });
    NetworkIsolation.of(app).declareIsolatedNamespace('shop');
    const objs = synthApp(app);
    const report = lintObjects([...objs, {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] },
    }]);
    // THEN the allowance is written as if the namespace had been isolated first, and the backend is reachable
    expect(named(objs, 'NetworkPolicy', 'allow-public-web-to-web').metadata.namespace).toBe('shop');
    expect(report.findings.map((f) => f.ruleId)).not.toContain('CG-NETPOL-001');
  });

  it('writes no allowance into a namespace never declared isolated, so a default-deny written elsewhere fails CG-NETPOL-001', () => {
    // GIVEN a route into a namespace whose default-deny this app does not know about
    const { app, gateway } = gatewayApp();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromService(appService(shop, 'web')) });
    const objs = synthApp(app);
    const report = lintObjects([...objs, {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] },
    }]);
    // THEN no allowance, and no hole either: the rule reports the unreachable backend
    expect(objs.filter((o) => o.kind === 'NetworkPolicy' && o.metadata.namespace === 'shop')).toStrictEqual([]);
    expect(report.findings.map((f) => f.ruleId)).toContain('CG-NETPOL-001');
  });
});

describe('NetworkIsolation', () => {
  it('records isolated namespaces per app, sorted', () => {
    // GIVEN two apps
    const a = gatewayApp().app;
    const b = gatewayApp().app;
    NetworkIsolation.of(a).declareIsolatedNamespace('zeta');
    NetworkIsolation.of(a).declareIsolatedNamespace('alpha');
    // THEN
    expect(NetworkIsolation.of(a).isolatedNamespaces).toStrictEqual(['alpha', 'zeta']);
    expect(NetworkIsolation.of(a).isIsolated('alpha')).toBe(true);
    expect(NetworkIsolation.of(b).isIsolated('alpha')).toBe(false);
  });
});
