import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  IngressClassGateway, IngressController, PathType, Route, RouteBackend, RouteProps, RuleEngine,
} from '../../src';
import { ofKind, synthApp } from '../util/synth';

/** The rule engine prints the CG-CONTROLLER-003 warning to stderr on every synth; keep the test output readable. */
let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

const MANAGED = { 'app.kubernetes.io/managed-by': 'cdk8s-gateways' };

interface Fixture {
  readonly app: App;
  readonly ingressChart: Chart;
  readonly gateway: IngressClassGateway;
}

/** An app with chart `ingress` holding nginx gateway `public-web` (the default class unless told otherwise). */
function fixture(defaultClass = true): Fixture {
  const app = Testing.app();
  const ingressChart = new Chart(app, 'ingress');
  const gateway = new IngressClassGateway(ingressChart, 'PublicWeb', { className: 'public-web', controller: IngressController.nginx(), defaultClass });
  return { app, ingressChart, gateway };
}

/** A route in a new chart `id` with namespace `id`, to Service `web` port 80 unless overridden. */
function routeIn(f: Fixture, id: string, props: Partial<RouteProps> = {}): Route {
  const chart = new Chart(f.app, id, { namespace: id });
  return new Route(chart, 'Route', {
    gateway: f.gateway,
    host: 'shop.example.com',
    backend: RouteBackend.fromServiceName('web', { port: 80 }),
    ...props,
  });
}

function errorIds(app: App): string[] {
  return RuleEngine.of(app).run().errors.map((f) => f.ruleId);
}

describe('Route to Ingress', () => {
  it('emits an Ingress bound to the gateway class, with host, path, backend and TLS', () => {
    // GIVEN a route with every field that shapes the Ingress
    const f = fixture();
    RuleEngine.of(f.app).declareExternalTlsSecret('shop', 'shop-example-com-tls');
    routeIn(f, 'shop', {
      ingressName: 'shop',
      host: 'shop.example.com',
      path: '/api',
      pathType: PathType.EXACT,
      backend: RouteBackend.fromServiceName('shop-api', { port: 8080 }),
      tlsSecretName: 'shop-example-com-tls',
    });
    // WHEN
    const objs = synthApp(f.app);
    // THEN
    expect(ofKind(objs, 'Ingress')).toStrictEqual([{
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', namespace: 'shop', labels: MANAGED },
      spec: {
        ingressClassName: 'public-web',
        tls: [{ hosts: ['shop.example.com'], secretName: 'shop-example-com-tls' }],
        rules: [{
          host: 'shop.example.com',
          http: { paths: [{ path: '/api', pathType: 'Exact', backend: { service: { name: 'shop-api', port: { number: 8080 } } } }] },
        }],
      },
    }]);
  });

  it('defaults to path "/", pathType Prefix, no TLS and a generated name', () => {
    // GIVEN a route with only host and backend
    const f = fixture();
    const route = routeIn(f, 'shop');
    // WHEN
    const objs = synthApp(f.app);
    // THEN
    expect(route.path).toBe('/');
    expect(route.pathType).toBe(PathType.PREFIX);
    expect(ofKind(objs, 'Ingress')).toStrictEqual([{
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: route.ingress.name, namespace: 'shop', labels: MANAGED },
      spec: {
        ingressClassName: 'public-web',
        rules: [{
          host: 'shop.example.com',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] },
        }],
      },
    }]);
    expect(route.ingress.name).toMatch(/^shop-route-[0-9a-f]{8}$/);
  });

  it('routes to a named port with fromServiceName portName', () => {
    // GIVEN port name "http"
    const f = fixture();
    routeIn(f, 'shop', { backend: RouteBackend.fromServiceName('web', { portName: 'http' }) });
    // WHEN
    const [ingress] = ofKind(synthApp(f.app), 'Ingress');
    // THEN
    expect(ingress.spec.rules[0].http.paths[0].backend).toStrictEqual({ service: { name: 'web', port: { name: 'http' } } });
  });
});

describe('Route namespace follows the backend', () => {
  it('puts the Ingress in the namespace of a cdk8s-plus Service from another chart', () => {
    // GIVEN Service "web" in chart "web" (namespace web), and the route in chart "routes" (no namespace)
    const f = fixture();
    const webChart = new Chart(f.app, 'web', { namespace: 'web' });
    const service = new kplus.Service(webChart, 'Service', { metadata: { name: 'web' }, ports: [{ port: 80, name: 'http' }] });
    const routes = new Chart(f.app, 'routes');
    new Route(routes, 'Route', { gateway: f.gateway, host: 'www.example.com', backend: RouteBackend.fromService(service) });
    // WHEN
    synthApp(f.app);
    const ingresses = ofKind(Testing.synth(routes), 'Ingress');
    // THEN the Ingress is in the routes chart, in namespace web, on the Service's only port
    expect(ingresses).toHaveLength(1);
    expect(ingresses[0].metadata.namespace).toBe('web');
    expect(ingresses[0].spec.rules[0].http.paths[0].backend).toStrictEqual({ service: { name: 'web', port: { number: 80 } } });
  });

  it('puts the Ingress in the namespace given to fromServiceName, over the chart namespace', () => {
    // GIVEN a route in chart namespace "apps" to Service api in namespace "shop"
    const f = fixture();
    routeIn(f, 'apps', { backend: RouteBackend.fromServiceName('api', { port: 8080, namespace: 'shop' }) });
    // WHEN
    const [ingress] = ofKind(synthApp(f.app), 'Ingress');
    // THEN
    expect(ingress.metadata.namespace).toBe('shop');
  });

  it('uses the chosen port of a multi-port Service', () => {
    // GIVEN a Service with ports 80 and 443, and port 443 chosen
    const f = fixture();
    const webChart = new Chart(f.app, 'web', { namespace: 'web' });
    const service = new kplus.Service(webChart, 'Service', { metadata: { name: 'web' }, ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }] });
    new Route(webChart, 'Route', { gateway: f.gateway, host: 'www.example.com', backend: RouteBackend.fromService(service, { port: 443 }) });
    // WHEN
    const [ingress] = ofKind(synthApp(f.app), 'Ingress');
    // THEN
    expect(ingress.spec.rules[0].http.paths[0].backend.service.port).toStrictEqual({ number: 443 });
  });

  it('rejects a multi-port Service without a chosen port (CG-INGRESS-003)', () => {
    // GIVEN a Service with ports 80 and 443, and no port chosen
    const f = fixture();
    const webChart = new Chart(f.app, 'web', { namespace: 'web' });
    const service = new kplus.Service(webChart, 'Service', { metadata: { name: 'web' }, ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }] });
    new Route(webChart, 'Route', { gateway: f.gateway, host: 'www.example.com', backend: RouteBackend.fromService(service) });
    // WHEN
    const errors = RuleEngine.of(f.app).run().errors;
    // THEN
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-INGRESS-003']);
    expect(errors[0]).toMatchObject({
      constructPath: 'web/Route/Resource', field: 'spec.rules[0].http.paths[0].backend.service.port', value: '{}',
    });
    expect(() => synthApp(f.app)).toThrow(/error CG-INGRESS-003 Ingress web\/\S+ at web\/Route\/Resource/);
  });
});

describe('Route gateway selection', () => {
  it('falls to the default gateway when none is given', () => {
    // GIVEN a default gateway and a route naming none
    const f = fixture(true);
    const chart = new Chart(f.app, 'shop', { namespace: 'shop' });
    const route = new Route(chart, 'Route', { host: 'shop.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }) });
    // WHEN
    const [ingress] = ofKind(synthApp(f.app), 'Ingress');
    // THEN
    expect(route.gateway).toBe(f.gateway);
    expect(ingress.spec.ingressClassName).toBe('public-web');
  });

  it('falls to the default gateway even when it is declared after the route', () => {
    // GIVEN a route naming no gateway, then a non-default and a default gateway
    const app = Testing.app();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    const route = new Route(shop, 'Route', {
      host: 'shop.example.com',
      backend: RouteBackend.fromServiceName('web', { port: 80 }),
      options: { rateLimitPerSecond: 5 },
    });
    const ingressChart = new Chart(app, 'ingress');
    new IngressClassGateway(ingressChart, 'Internal', { className: 'internal', controller: IngressController.nginx() });
    const gateway = new IngressClassGateway(ingressChart, 'PublicWeb', { className: 'public-web', controller: IngressController.nginx(), defaultClass: true });
    // WHEN
    const [ingress] = ofKind(synthApp(app), 'Ingress');
    // THEN the class and the controller's annotations both come from the default gateway
    expect(route.gateway).toBe(gateway);
    expect(ingress.spec.ingressClassName).toBe('public-web');
    expect(ingress.metadata.annotations).toStrictEqual({ 'nginx.ingress.kubernetes.io/limit-rps': '5' });
  });

  it('rejects a route without gateway when there is no default gateway, listing the available classes (CG-INGRESS-010)', () => {
    // GIVEN two non-default gateways and a route naming none
    const app = Testing.app();
    const ingressChart = new Chart(app, 'ingress');
    new IngressClassGateway(ingressChart, 'PublicWeb', { className: 'public-web', controller: IngressController.nginx() });
    new IngressClassGateway(ingressChart, 'Internal', { className: 'internal', controller: IngressController.nginx() });
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    new Route(shop, 'Route', { host: 'shop.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }) });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN the route is reported with every class it could use
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-INGRESS-010']);
    expect(errors[0].constructPath).toBe('shop/Route/Resource');
    expect(errors[0].message).toContain('internal, public-web');
    expect(() => synthApp(app)).toThrow(/CG-INGRESS-010[\s\S]*internal, public-web/);
  });

  it('puts the Ingress of gateway.addRoute in the given scope', () => {
    // GIVEN a gateway in chart "ingress" and a route added to it from chart "shop"
    const f = fixture(false);
    const shop = new Chart(f.app, 'shop', { namespace: 'shop' });
    const route = f.gateway.addRoute(shop, 'Route', { host: 'shop.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }) });
    // WHEN
    synthApp(f.app);
    // THEN
    expect(route.node.path).toBe('shop/Route');
    expect(route.gateway).toBe(f.gateway);
    expect(ofKind(Testing.synth(f.ingressChart), 'Ingress')).toStrictEqual([]);
    const ingresses = ofKind(Testing.synth(shop), 'Ingress');
    expect(ingresses.map((i) => [i.metadata.namespace, i.spec.ingressClassName])).toStrictEqual([['shop', 'public-web']]);
  });
});

describe('Route host validation', () => {
  it.each([
    ['Shop.Example.com', 'must be a lowercase RFC 1123 subdomain'],
    ['10.0.0.1', 'must be a DNS name, not an IP address'],
    ['a.com:8080', 'must not contain a port'],
  ])('rejects host %s (CG-INGRESS-001), naming the construct path', (host, reason) => {
    // GIVEN a route on this host
    const f = fixture();
    routeIn(f, 'shop', { host });
    // WHEN
    const errors = RuleEngine.of(f.app).run().errors;
    // THEN
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-INGRESS-001']);
    expect(errors[0]).toMatchObject({ constructPath: 'shop/Route/Resource', field: 'spec.rules[0].host', value: JSON.stringify(host) });
    expect(errors[0].message).toContain(reason);
    expect(() => synthApp(f.app)).toThrow(/error CG-INGRESS-001 Ingress shop\/\S+ at shop\/Route\/Resource/);
  });

  it('accepts a wildcard host', () => {
    // GIVEN *.example.com
    const f = fixture();
    routeIn(f, 'shop', { host: '*.example.com' });
    // WHEN
    const [ingress] = ofKind(synthApp(f.app), 'Ingress');
    // THEN
    expect(ingress.spec.rules[0].host).toBe('*.example.com');
    expect(errorIds(f.app)).toStrictEqual([]);
  });
});

describe('Route path validation', () => {
  it.each([
    ['/a//b', "must not contain '//'"],
    ['/a/../b', "must not contain '/../'"],
    ['/a%2Fb', "must not contain '%2F'"],
  ])('rejects Prefix path %s (CG-INGRESS-002)', (path, reason) => {
    // GIVEN a Prefix route on this path
    const f = fixture();
    routeIn(f, 'shop', { path, pathType: PathType.PREFIX });
    // WHEN
    const errors = RuleEngine.of(f.app).run().errors;
    // THEN
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-INGRESS-002']);
    expect(errors[0]).toMatchObject({ constructPath: 'shop/Route/Resource', field: 'spec.rules[0].http.paths[0].path', value: JSON.stringify(path) });
    expect(errors[0].message).toBe(`Prefix path ${reason}`);
    expect(() => synthApp(f.app)).toThrow(/CG-INGRESS-002/);
  });

  it('accepts a regular expression as an ImplementationSpecific path', () => {
    // GIVEN
    const f = fixture();
    routeIn(f, 'shop', { path: '/([a-z0-9]*)', pathType: PathType.IMPLEMENTATION_SPECIFIC });
    // WHEN
    const [ingress] = ofKind(synthApp(f.app), 'Ingress');
    // THEN
    expect(ingress.spec.rules[0].http.paths[0]).toMatchObject({ path: '/([a-z0-9]*)', pathType: 'ImplementationSpecific' });
  });
});

describe('Route conflicts', () => {
  it('rejects the same host and path on one class from two charts (CG-INGRESS-005), naming both construct paths', () => {
    // GIVEN shop.example.com/ routed from chart "shop" and chart "shop-v2" on public-web
    const f = fixture();
    routeIn(f, 'shop');
    routeIn(f, 'shop-v2');
    // WHEN
    const errors = RuleEngine.of(f.app).run().errors;
    // THEN
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-INGRESS-005']);
    expect(errors[0].constructPath).toBe('shop-v2/Route/Resource');
    expect(errors[0].message).toContain('host "shop.example.com" Prefix path "/" on class "public-web"');
    expect(errors[0].message).toContain('(shop/Route/Resource)');
    expect(errors[0].message).toContain('(shop-v2/Route/Resource)');
    expect(() => synthApp(f.app)).toThrow(/CG-INGRESS-005/);
  });

  it('accepts the same host and path on two classes', () => {
    // GIVEN shop.example.com/ on public-web and on internal
    const f = fixture();
    const internal = new IngressClassGateway(f.ingressChart, 'Internal', { className: 'internal', controller: IngressController.nginx() });
    routeIn(f, 'shop');
    routeIn(f, 'shop-internal', { gateway: internal });
    // WHEN
    const ingresses = ofKind(synthApp(f.app), 'Ingress');
    // THEN
    expect(ingresses.map((i) => i.spec.ingressClassName)).toStrictEqual(['public-web', 'internal']);
  });
});

describe('Route TLS', () => {
  it('rejects a TLS secret that nothing provides (CG-INGRESS-009)', () => {
    // GIVEN TLS with secret "shop-tls" and nothing providing it
    const f = fixture();
    routeIn(f, 'shop', { tlsSecretName: 'shop-tls' });
    // WHEN
    const errors = RuleEngine.of(f.app).run().errors;
    // THEN
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-INGRESS-009']);
    expect(errors[0]).toMatchObject({ constructPath: 'shop/Route/Resource', field: 'spec.tls[0].secretName', value: '"shop-tls"' });
    expect(errors[0].message).toBe('nothing provides secret "shop-tls" in namespace "shop" for shop.example.com');
    expect(() => synthApp(f.app)).toThrow(/CG-INGRESS-009/);
  });

  it('accepts a TLS secret declared as provided outside the app', () => {
    // GIVEN the secret declared external in the route's namespace
    const f = fixture();
    RuleEngine.of(f.app).declareExternalTlsSecret('shop', 'shop-tls');
    routeIn(f, 'shop', { tlsSecretName: 'shop-tls' });
    // WHEN
    const [ingress] = ofKind(synthApp(f.app), 'Ingress');
    // THEN
    expect(ingress.spec.tls).toStrictEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
    expect(RuleEngine.of(f.app).run().findings.filter((x) => x.ruleId === 'CG-INGRESS-009')).toStrictEqual([]);
  });
});

describe('Route findings are reported together', () => {
  it('fails one synth with every error of the app at once', () => {
    // GIVEN four routes, each with a different mistake
    const f = fixture();
    routeIn(f, 'bad-host', { host: 'Shop.Example.com' });
    routeIn(f, 'bad-path', { host: 'path.example.com', path: '/a//b' });
    routeIn(f, 'no-secret', { host: 'tls.example.com', tlsSecretName: 'missing-tls' });
    const webChart = new Chart(f.app, 'web', { namespace: 'web' });
    const service = new kplus.Service(webChart, 'Service', { metadata: { name: 'web' }, ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }] });
    new Route(webChart, 'Route', { gateway: f.gateway, host: 'web.example.com', backend: RouteBackend.fromService(service) });
    // WHEN
    let error: Error | undefined;
    try {
      synthApp(f.app);
    } catch (e) {
      error = e as Error;
    }
    // THEN one error names all four rules and their construct paths
    expect(errorIds(f.app).sort()).toStrictEqual(['CG-INGRESS-001', 'CG-INGRESS-002', 'CG-INGRESS-003', 'CG-INGRESS-009']);
    expect(error).toBeDefined();
    expect(error!.message).toContain('synth stopped by 4 error(s)');
    for (const [id, path] of [
      ['CG-INGRESS-001', 'bad-host/Route/Resource'],
      ['CG-INGRESS-002', 'bad-path/Route/Resource'],
      ['CG-INGRESS-003', 'web/Route/Resource'],
      ['CG-INGRESS-009', 'no-secret/Route/Resource'],
    ]) {
      expect(error!.message).toMatch(new RegExp(`error ${id} Ingress \\S+ at ${path}`));
    }
  });
});
