import { Chart, Duration } from 'cdk8s';
import { gatewayApp, quietStderr, synth } from './controller-test-utils';
import {
  BackendProtocol, CloudProvider, GatewayExposure, IngressClassGateway, IngressClassParametersScope, IngressController, Route, RouteBackend,
  RouteOptions, RuleEngine,
} from '../../src';
import { inputErrors } from '../util/synth';

quietStderr();

function routeApp(options: RouteOptions = {}, exposure?: GatewayExposure, defaultClass?: boolean) {
  const f = gatewayApp(IngressController.gke(), { exposure, defaultClass }, 'gke-web');
  const web = new Chart(f.app, 'web', { namespace: 'web' });
  const route = new Route(web, 'Route', {
    gateway: defaultClass ? undefined : f.gateway, host: 'www.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }), options,
  });
  return { ...f, web, route };
}

describe('GKE Ingress', () => {
  it('emits no IngressClass, no namespace and no workload', () => {
    // GIVEN a GKE gateway and no route
    const { app, gateway } = gatewayApp(IngressController.gke());
    // WHEN
    const objs = synth(app);
    // THEN
    expect(objs).toStrictEqual([]);
    expect(gateway.ingressClass).toBeUndefined();
    expect(gateway.selfHosted).toBe(false);
    expect(gateway.routeBinding).toStrictEqual({ classAnnotation: 'gce' });
  });

  it('binds public routes with kubernetes.io/ingress.class: gce instead of spec.ingressClassName', () => {
    // GIVEN a public GKE gateway and a route on it
    const { app, route } = routeApp();
    // WHEN
    const [ingress] = synth(app);
    // THEN
    expect(ingress.kind).toBe('Ingress');
    expect(ingress.spec.ingressClassName).toBeUndefined();
    expect(ingress.metadata.annotations).toStrictEqual({ 'kubernetes.io/ingress.class': 'gce' });
    expect(route.ingress.toJson()).toStrictEqual(ingress);
    // AND no rule objects: not CG-INGRESS-004 (no class field), 006 (gce is exempt), 007 or 010
    expect(RuleEngine.of(app).run().findings).toStrictEqual([]);
  });

  it('binds routes of an internal gateway with gce-internal', () => {
    // GIVEN an internal GCP gateway
    const { app } = routeApp({}, GatewayExposure.internalLoadBalancer(CloudProvider.GCP));
    // WHEN
    const [ingress] = synth(app);
    // THEN
    expect(ingress.metadata.annotations).toStrictEqual({ 'kubernetes.io/ingress.class': 'gce-internal' });
  });

  it('binds routes that fall to a default GKE gateway the same way', () => {
    // GIVEN a default GKE gateway and a route naming none
    const { app, route } = routeApp({}, undefined, true);
    // WHEN
    synth(app);
    // THEN
    expect(route.ingress.toJson().metadata.annotations).toStrictEqual({ 'kubernetes.io/ingress.class': 'gce' });
    expect(route.ingress.toJson().spec.ingressClassName).toBeUndefined();
  });

  it('reports a duplicate route on the annotation class across two GKE gateways (CG-INGRESS-005)', () => {
    // GIVEN two public GKE gateways routing the same host and path
    const { app, web } = routeApp();
    const other = new IngressClassGateway(web, 'Other', { className: 'gke-other', controller: IngressController.gke() });
    new Route(web, 'Again', { gateway: other, host: 'www.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }) });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN both land on class "gce", one load balancer controller
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-INGRESS-005']);
    expect(errors[0].message).toContain('on class "gce"');
  });

  it('refuses IngressClass parameters, which GKE would never read', () => {
    const { app } = gatewayApp(IngressController.gke(), { parameters: { kind: 'X', name: 'x', scope: IngressClassParametersScope.CLUSTER } });
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'ingress/Gateway',
      field: 'parameters',
      value: '{"kind":"X","name":"x","scope":"Cluster"}',
      message: 'gke-ingress reads no IngressClass, so the gateway can not take parameters; leave it unset',
    }]);
    expect(() => synth(app, { unvalidatedKinds: { BackendConfig: true } as any })).toThrow(/CG-INPUT-001 at ingress\/Gateway\n    parameters = /);
  });

  it('refuses an internal exposure of another cloud', () => {
    const { app } = gatewayApp(IngressController.gke(), { exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AZURE) });
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'ingress/Gateway',
      field: 'exposure',
      value: '"internal load balancer (azure)"',
      message: 'an internal GKE Ingress load balancer lives in gcp; use GatewayExposure.internalLoadBalancer(CloudProvider.GCP)',
    }]);
    expect(() => synth(app)).toThrow(/CG-INPUT-001 at ingress\/Gateway/);
  });

  it('reports options GKE configures in BackendConfig or FrontendConfig (CG-GATEWAY-003), and accepts HTTP and no redirect', () => {
    // GIVEN
    const accepted = routeApp({ sslRedirect: false, backendProtocol: BackendProtocol.HTTP });
    const rejected = routeApp({ sslRedirect: true, readTimeout: Duration.seconds(30), backendProtocol: BackendProtocol.HTTPS });
    // THEN
    expect(RuleEngine.of(accepted.app).run().errors).toStrictEqual([]);
    const errors = RuleEngine.of(rejected.app).run().errors;
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-GATEWAY-003']);
    expect(errors[0].message).toContain('class "gce"');
    expect(errors[0].value).toBe(JSON.stringify('sslRedirect,readTimeout,backendProtocol'));
  });

  it('translates every option it can not apply into the unsupported list and writes no annotation', () => {
    // WHEN
    const translation = IngressController.gke().translateRouteOptions({ sslRedirect: true, readTimeout: Duration.seconds(30) });
    // THEN
    expect(translation).toStrictEqual({ annotations: {}, unsupported: ['sslRedirect', 'readTimeout'] });
  });
});
