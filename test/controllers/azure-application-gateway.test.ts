import { Chart, Duration, Size } from 'cdk8s';
import { gatewayApp, quietStderr, single, synth } from './controller-test-utils';
import {
  BackendProtocol, CloudProvider, GatewayExposure, IngressController, Route, RouteBackend, RouteOptions, RuleEngine,
} from '../../src';
import { inputErrors } from '../util/synth';

quietStderr();

function routeApp(options: RouteOptions, exposure?: GatewayExposure) {
  const f = gatewayApp(IngressController.azureApplicationGateway({ className: 'edge' }), { exposure });
  const web = new Chart(f.app, 'web', { namespace: 'web' });
  const route = new Route(web, 'Route', { gateway: f.gateway, host: 'www.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }), options });
  return { ...f, route };
}

describe('Azure Application Gateway Ingress Controller class', () => {
  it('emits only an IngressClass for azure/application-gateway, named as the class AGIC serves by default', () => {
    // GIVEN an AGIC gateway of the add-on's class
    const { app, gateway } = gatewayApp(IngressController.azureApplicationGateway(), {}, 'azure-application-gateway');
    // WHEN
    const objs = synth(app);
    // THEN no namespace, workload or RBAC: AKS runs the controller
    expect(objs.map((o) => o.kind)).toStrictEqual(['IngressClass']);
    const ingressClass = single(objs, 'IngressClass');
    expect(ingressClass.spec).toStrictEqual({ controller: 'azure/application-gateway' });
    expect(ingressClass.metadata.annotations).toStrictEqual({ 'gateways.cdk8s.io/agic-class-name': 'azure-application-gateway' });
    expect(gateway.selfHosted).toBe(false);
    expect(gateway.routeBinding).toBeUndefined();
  });

  it('rejects a gateway whose className differs from the class the AGIC installation serves (CG-CONTROLLER-005)', () => {
    // GIVEN an AGIC gateway "edge", and an installation serving the default azure-application-gateway
    const { app } = gatewayApp(IngressController.azureApplicationGateway());
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN the class is not renamed silently: synth fails, naming both
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-CONTROLLER-005']);
    expect(errors[0].value).toBe(JSON.stringify('edge'));
    expect(errors[0].message).toContain('AGIC serves only the class "azure-application-gateway"');
  });

  it('accepts a gateway named as the class its AGIC installation is configured to serve', () => {
    // GIVEN an installation configured with class "edge" (Helm kubernetes.ingressClassResource.name)
    const { app } = gatewayApp(IngressController.azureApplicationGateway({ className: 'edge' }));
    // THEN
    expect(RuleEngine.of(app).run().errors).toStrictEqual([]);
    expect(single(synth(app), 'IngressClass').metadata.name).toBe('edge');
  });

  it('emits no IngressClass when the installation owns it, and routes still name the class', () => {
    // GIVEN the AKS add-on's own IngressClass, and a route
    const { app, gateway } = gatewayApp(IngressController.azureApplicationGateway({ installationOwnsIngressClass: true }), {}, 'azure-application-gateway');
    const web = new Chart(app, 'web', { namespace: 'web' });
    const route = new Route(web, 'Route', { gateway, host: 'www.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }) });
    // WHEN
    const objs = synth(app);
    // THEN only the route's Ingress, bound to the installation's class (no CG-INGRESS undefined-class finding)
    expect(objs.map((o) => o.kind)).toStrictEqual(['Ingress']);
    expect(gateway.ingressClass).toBeUndefined();
    expect(route.ingress.toJson().spec.ingressClassName).toBe('azure-application-gateway');
  });

  it('refuses another className when the installation owns its IngressClass', () => {
    // GIVEN an installation-owned class and a gateway "edge"
    const { app } = gatewayApp(IngressController.azureApplicationGateway({ installationOwnsIngressClass: true }));
    // THEN
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'ingress/Gateway',
      field: 'className',
      value: '"edge"',
      message: 'the AGIC installation owns its IngressClass "azure-application-gateway" and serves only that class; set className: "azure-application-gateway", '
        + 'or set the installation\'s class name with IngressController.azureApplicationGateway({ className })',
    }]);
  });

  it('refuses parameters and defaultClass when the installation owns the IngressClass', () => {
    // GIVEN
    const { app } = gatewayApp(IngressController.azureApplicationGateway({ installationOwnsIngressClass: true }), {
      defaultClass: true, parameters: { kind: 'Params', name: 'p' },
    }, 'azure-application-gateway');
    // THEN
    expect(inputErrors(app).map((e) => e.field)).toStrictEqual(['parameters', 'defaultClass']);
  });

  it('uses the controller value of a second AGIC installation', () => {
    // GIVEN an AGIC installed with its own controller value
    const { app } = gatewayApp(IngressController.azureApplicationGateway({ controllerValue: 'azure/application-gateway-internal', className: 'edge' }));
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
