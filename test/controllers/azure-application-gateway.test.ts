import { Chart, Duration, Size } from 'cdk8s';
import { gatewayApp, quietStderr, single, synth } from './controller-test-utils';
import {
  BackendProtocol, CloudProvider, GatewayExposure, IngressController, Route, RouteBackend, RouteOptions, RuleEngine,
} from '../../src';
import { inputErrors } from '../util/synth';

quietStderr();

function routeApp(options: RouteOptions, exposure?: GatewayExposure) {
  const f = gatewayApp(IngressController.azureApplicationGateway(), { exposure });
  const web = new Chart(f.app, 'web', { namespace: 'web' });
  const route = new Route(web, 'Route', { gateway: f.gateway, host: 'www.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }), options });
  return { ...f, route };
}

describe('Azure Application Gateway Ingress Controller class', () => {
  it('emits only an IngressClass for azure/application-gateway', () => {
    // GIVEN an AGIC gateway
    const { app, gateway } = gatewayApp(IngressController.azureApplicationGateway());
    // WHEN
    const objs = synth(app);
    // THEN no namespace, workload or RBAC: AKS runs the controller
    expect(objs.map((o) => o.kind)).toStrictEqual(['IngressClass']);
    expect(single(objs, 'IngressClass').spec).toStrictEqual({ controller: 'azure/application-gateway' });
    expect(gateway.selfHosted).toBe(false);
    expect(gateway.routeBinding).toBeUndefined();
  });

  it('uses the controller value of a second AGIC installation', () => {
    // GIVEN an AGIC installed with its own controller value
    const { app } = gatewayApp(IngressController.azureApplicationGateway({ controllerValue: 'azure/application-gateway-internal' }));
    // THEN
    expect(single(synth(app), 'IngressClass').spec.controller).toBe('azure/application-gateway-internal');
  });

  it('puts the routes of an internal gateway on the private frontend IP', () => {
    // GIVEN an internal Azure gateway and a route
    const { app, route } = routeApp({}, GatewayExposure.internalLoadBalancer(CloudProvider.AZURE));
    // WHEN
    synth(app);
    // THEN
    expect(route.ingress.toJson().metadata.annotations).toStrictEqual({ 'appgw.ingress.kubernetes.io/use-private-ip': 'true' });
    expect(route.ingress.toJson().spec.ingressClassName).toBe('edge');
  });

  it('refuses an internal exposure of another cloud', () => {
    const { app } = gatewayApp(IngressController.azureApplicationGateway(), { exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS) });
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'ingress/Gateway',
      field: 'exposure',
      value: '"internal load balancer (aws)"',
      message: 'an internal Azure Application Gateway load balancer lives in azure; use GatewayExposure.internalLoadBalancer(CloudProvider.AZURE)',
    }]);
    expect(() => synth(app)).toThrow(/CG-INPUT-001 at ingress\/Gateway/);
  });
});

describe('AGIC route options', () => {
  it('translates redirect, request timeout and HTTPS backends', () => {
    // GIVEN
    const { app, route } = routeApp({ sslRedirect: true, readTimeout: Duration.seconds(120), backendProtocol: BackendProtocol.HTTPS });
    // WHEN
    synth(app);
    // THEN
    expect(route.ingress.toJson().metadata.annotations).toStrictEqual({
      'appgw.ingress.kubernetes.io/ssl-redirect': 'true',
      'appgw.ingress.kubernetes.io/request-timeout': '120',
      'appgw.ingress.kubernetes.io/backend-protocol': 'https',
    });
  });

  it('reports gRPC, body size, source ranges, rate limits and connect/send timeouts (CG-GATEWAY-003)', () => {
    // GIVEN
    const { app } = routeApp({
      backendProtocol: BackendProtocol.GRPC,
      maxRequestBodySize: Size.mebibytes(2),
      allowedSourceRanges: ['10.0.0.0/8'],
      rateLimitPerSecond: 1,
      connectTimeout: Duration.seconds(1),
      sendTimeout: Duration.seconds(1),
    });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-GATEWAY-003']);
    expect(errors[0].value).toBe(JSON.stringify('backendProtocol,maxRequestBodySize,allowedSourceRanges,rateLimitPerSecond,connectTimeout,sendTimeout'));
  });
});
