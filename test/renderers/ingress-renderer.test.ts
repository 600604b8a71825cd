import { Chart, Testing } from 'cdk8s';
import { IngressClassGateway, IngressController, Route, RouteBackend } from '../../src';
import { renderIngress } from '../../src/renderers/ingress/ingress-renderer';
import { validateObject } from '../schema-validator';
import { synthApp } from '../util/synth';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

/** An app with a Traefik gateway (not the default class) and a chart `shop` in namespace `shop`. */
function fixture() {
  const app = Testing.app();
  const gateway = new IngressClassGateway(new Chart(app, 'ingress'), 'Edge', { className: 'edge', controller: IngressController.traefik() });
  const shop = new Chart(app, 'shop', { namespace: 'shop' });
  return { app, gateway, shop };
}

describe('Route is a model; the gateway renders it', () => {
  it('creates no Kubernetes object while the route is declared', () => {
    // GIVEN a route
    const { gateway, shop } = fixture();
    const route = new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }) });
    // THEN it holds the model, in its own namespace field, and nothing below it yet
    expect(route.node.children).toStrictEqual([]);
    expect([route.host, route.path, route.namespace, route.gateway]).toStrictEqual(['shop.example.com', '/', 'shop', gateway]);
  });

  it('renders the Ingress once, however often the app is synthesized', () => {
    // GIVEN a route, synthesized twice
    const { app, gateway, shop } = fixture();
    new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }) });
    synthApp(app);
    // WHEN
    const ingresses = synthApp(app).filter((o) => o.kind === 'Ingress');
    // THEN one Ingress, bound to the gateway's class, at the construct path the route always used
    expect(ingresses.map((i) => [i.metadata.namespace, i.spec.ingressClassName])).toStrictEqual([['shop', 'edge']]);
    expect(shop.node.findAll().filter((c) => c.node.id === 'Resource').map((c) => c.node.path)).toStrictEqual(['shop/Route/Resource']);
  });

  it('renders a route without a gateway as an Ingress without a class, and records options it can not translate', () => {
    // GIVEN no gateway for the route, rendered directly
    const app = Testing.app();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    const route = new Route(shop, 'Route', { host: 'shop.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }), options: { rateLimitPerSecond: 5 } });
    // WHEN
    const ingress = renderIngress(route, undefined).toJson();
    // THEN no class and no annotations: nothing translates the options, and CG-INGRESS-010 reports the Ingress
    expect(ingress.spec.ingressClassName).toBeUndefined();
    expect(ingress.metadata.annotations).toBeUndefined();
    expect(validateObject(ingress)).toStrictEqual([]);
  });

  it('asks the controller for its translation in one call: the annotations and the options it can not apply', () => {
    // GIVEN Traefik, which has no per-route rate limit annotation
    // WHEN
    const translation = IngressController.traefik().translateRouteOptions({ rateLimitPerSecond: 5 });
    // THEN
    expect(translation.unsupported).toStrictEqual(['rateLimitPerSecond']);
  });
});
