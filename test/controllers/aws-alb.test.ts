import { Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { gatewayApp, ofKind, quietStderr, single, synth } from './controller-test-utils';
import {
  AlbIpAddressType, AlbTargetType, BackendProtocol, CloudProvider, GatewayExposure, IngressClassGateway, IngressController, Route, RouteBackend,
  RouteOptions, RuleEngine,
} from '../../src';
import { inputErrors } from '../util/synth';

quietStderr();

/** IngressClassParams (elbv2.k8s.aws/v1beta1) is validated against its CRD in ../shared/crds, like every other object. */
const UNVALIDATED = {};

function routeApp(options: RouteOptions) {
  const f = gatewayApp(IngressController.awsAlb());
  const web = new Chart(f.app, 'web', { namespace: 'web' });
  const route = new Route(web, 'Route', { gateway: f.gateway, host: 'www.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }), options });
  return { ...f, route };
}

describe('AWS Load Balancer Controller class', () => {
  it('emits an IngressClass for ingress.k8s.aws/alb that references its cluster-scoped IngressClassParams', () => {
    // GIVEN a public ALB gateway of class "edge"
    const { app, gateway } = gatewayApp(IngressController.awsAlb());
    // WHEN
    const objs = synth(app, { unvalidatedKinds: UNVALIDATED });
    // THEN
    expect(single(objs, 'IngressClass').spec).toStrictEqual({
      controller: 'ingress.k8s.aws/alb',
      parameters: { apiGroup: 'elbv2.k8s.aws', kind: 'IngressClassParams', name: 'edge' },
    });
    expect(gateway.controllerValue).toBe('ingress.k8s.aws/alb');
    const params = single(objs, 'IngressClassParams');
    expect(params.apiVersion).toBe('elbv2.k8s.aws/v1beta1');
    expect(params.metadata.name).toBe('edge');
    expect(params.metadata.namespace).toBeUndefined();
    expect(params.spec).toStrictEqual({ scheme: 'internet-facing', targetType: 'ip' });
  });

  it('writes IngressClassParams that pass the elbv2.k8s.aws CRD schema', () => {
    // GIVEN an ALB gateway with every profile option
    const { app } = gatewayApp(IngressController.awsAlb({ groupName: 'web', ipAddressType: AlbIpAddressType.DUALSTACK, targetType: AlbTargetType.INSTANCE }));
    // THEN synth validates every object, IngressClassParams included, against its schema
    expect(() => synth(app)).not.toThrow();
  });

  it('sets target type ip by default, so ClusterIP backends register their pod IPs', () => {
    // GIVEN a default ALB gateway (the controller's own default is instance)
    const params = single(synth(gatewayApp(IngressController.awsAlb()).app), 'IngressClassParams');
    // THEN
    expect(params.spec.targetType).toBe('ip');
  });

  it('writes target type instance when asked, for NodePort backends', () => {
    // GIVEN instance targets and no route
    const params = single(synth(gatewayApp(IngressController.awsAlb({ targetType: AlbTargetType.INSTANCE })).app), 'IngressClassParams');
    // THEN
    expect(params.spec.targetType).toBe('instance');
  });

  it('fails synth for instance targets behind a ClusterIP Service of the app (CG-CONTROLLER-007)', () => {
    // GIVEN instance targets and a route to a ClusterIP Service defined in the app
    const f = gatewayApp(IngressController.awsAlb({ targetType: AlbTargetType.INSTANCE }));
    const web = new Chart(f.app, 'web', { namespace: 'web' });
    const service = new kplus.Service(web, 'Svc', { metadata: { name: 'web' }, ports: [{ port: 80, targetPort: 8080 }] });
    new Route(web, 'Route', { gateway: f.gateway, host: 'www.example.com', backend: RouteBackend.fromService(service) });
    // WHEN
    const errors = RuleEngine.of(f.app).run().errors;
    // THEN
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-CONTROLLER-007']);
    expect(errors[0].message).toContain('Service web/web" is ClusterIP');
  });

  it('accepts ip targets behind the same ClusterIP Service', () => {
    // GIVEN the default target type and the same route
    const f = gatewayApp(IngressController.awsAlb());
    const web = new Chart(f.app, 'web', { namespace: 'web' });
    const service = new kplus.Service(web, 'Svc', { metadata: { name: 'web' }, ports: [{ port: 80, targetPort: 8080 }] });
    new Route(web, 'Route', { gateway: f.gateway, host: 'www.example.com', backend: RouteBackend.fromService(service) });
    // THEN
    expect(RuleEngine.of(f.app).run().errors).toStrictEqual([]);
  });

  it('fails synth for dualstack-without-public-ipv4 on an internal gateway (CG-CONTROLLER-006)', () => {
    // GIVEN an internal ALB without public IPv4
    const { app } = gatewayApp(IngressController.awsAlb({ ipAddressType: AlbIpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4 }), {
      exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS),
    });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN
    expect(errors.map((e) => [e.ruleId, e.field, e.value])).toStrictEqual([['CG-CONTROLLER-006', 'spec.ipAddressType', JSON.stringify('dualstack-without-public-ipv4')]]);
  });

  it('deploys nothing else: no namespace, no workload, no RBAC', () => {
    // GIVEN an ALB gateway (createNamespace left at its default)
    const { app, gateway } = gatewayApp(IngressController.awsAlb());
    // WHEN
    const objs = synth(app, { unvalidatedKinds: UNVALIDATED });
    // THEN
    expect(objs.map((o) => o.kind).sort()).toStrictEqual(['IngressClass', 'IngressClassParams']);
    expect(gateway.selfHosted).toBe(false);
    expect(gateway.controllerPodLabels).toBeUndefined();
  });

  it('makes the load balancers internal for an internal AWS exposure, with group and IP address type', () => {
    // GIVEN an internal gateway sharing one ALB, dual-stack
    const { app } = gatewayApp(IngressController.awsAlb({ groupName: 'internal-apis', ipAddressType: AlbIpAddressType.DUALSTACK }), {
      exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS),
    });
    // WHEN
    const params = single(synth(app, { unvalidatedKinds: UNVALIDATED }), 'IngressClassParams');
    // THEN
    expect(params.spec).toStrictEqual({ scheme: 'internal', group: { name: 'internal-apis' }, ipAddressType: 'dualstack', targetType: 'ip' });
  });

  it('writes dualstack-without-public-ipv4 as the controller spells it', () => {
    // GIVEN
    const { app } = gatewayApp(IngressController.awsAlb({ ipAddressType: AlbIpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4 }));
    // THEN
    expect(single(synth(app, { unvalidatedKinds: UNVALIDATED }), 'IngressClassParams').spec.ipAddressType).toBe('dualstack-without-public-ipv4');
  });

  it('lets several ALB classes share the controller value (one cloud controller serves them all)', () => {
    // GIVEN two ALB gateways
    const f = gatewayApp(IngressController.awsAlb());
    new IngressClassGateway(f.chart, 'Internal', { className: 'internal', controller: IngressController.awsAlb(), exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS) });
    // WHEN
    const objs = synth(f.app, { unvalidatedKinds: UNVALIDATED });
    // THEN both classes exist and no rule objects
    expect(ofKind(objs, 'IngressClass').map((c) => c.spec.controller)).toStrictEqual(['ingress.k8s.aws/alb', 'ingress.k8s.aws/alb']);
    expect(RuleEngine.of(f.app).run().findings).toStrictEqual([]);
  });

  it('reports an invalid IngressGroup name on the gateway that deploys the profile, instead of throwing in the factory', () => {
    // GIVEN a profile with an invalid groupName (the factory has no construct to report on)
    const controller = IngressController.awsAlb({ groupName: 'Shared_ALB' });
    // WHEN a gateway deploys it
    const { app } = gatewayApp(controller);
    // THEN the gateway reports it as CG-INPUT-001
    expect(RuleEngine.of(app).run().errors.map((f) => [f.ruleId, f.constructPath, f.field, f.value])).toStrictEqual([
      ['CG-INPUT-001', 'ingress/Gateway', 'controller.groupName', '"Shared_ALB"'],
    ]);
    // AND a valid neighbour passes
    expect(RuleEngine.of(gatewayApp(IngressController.awsAlb({ groupName: 'shared-alb' })).app).run().errors).toStrictEqual([]);
  });

  it.each([
    ['an internal exposure in another cloud', { exposure: GatewayExposure.internalLoadBalancer(CloudProvider.GCP) }, 'exposure', '"internal load balancer (gcp)"', /^an internal AWS ALB load balancer lives in aws; use GatewayExposure.internalLoadBalancer\(CloudProvider.AWS\)/],
    ['a ClusterIP exposure', { exposure: GatewayExposure.clusterIp() }, 'exposure', '"ClusterIP"', /ClusterIP exposure means nothing/],
    ['source ranges', { exposure: GatewayExposure.publicLoadBalancer({ sourceRanges: ['10.0.0.0/8'] }) }, 'exposure.sourceRanges', '["10.0.0.0/8"]', /allowedSourceRanges/],
    ['Service annotations', { exposure: GatewayExposure.publicLoadBalancer({ annotations: { 'x/y': 'z' } }) }, 'exposure.annotations', '["x/y"]', /^Service annotations have no Service to go on/],
    ['a loadBalancerClass', { exposure: GatewayExposure.publicLoadBalancer({ loadBalancerClass: 'service.k8s.aws/nlb' }) }, 'exposure.loadBalancerClass', '"service.k8s.aws/nlb"', /^loadBalancerClass selects/],
    ['pod resources', { resources: { cpu: { request: kplus.Cpu.millis(100) } } }, 'resources', expect.stringContaining('100m'), /^resources size controller pods, and AWS ALB runs none in the cluster/],
    ['replicas', { replicas: 3 }, 'replicas', '3', /^replicas sizes controller pods/],
    ['maxReplicas', { maxReplicas: 3 }, 'maxReplicas', '3', /^maxReplicas sizes controller pods/],
  ])('refuses %s rather than ignoring it', (_what, props, field, value, message) => {
    // WHEN
    const { app } = gatewayApp(IngressController.awsAlb(), props as any);
    // THEN the gateway reports it, and synth fails listing it
    const errors = inputErrors(app);
    expect(errors).toStrictEqual([{ constructPath: 'ingress/Gateway', field, value, message: expect.stringMatching(message) }]);
    expect(() => synth(app)).toThrow(/CG-INPUT-001 at ingress\/Gateway/);
  });
});

describe('AWS ALB route options', () => {
  it('translates redirect, source ranges and backend protocol into alb.ingress.kubernetes.io annotations', () => {
    // GIVEN a gRPC-over-TLS route with redirect and source ranges
    const { app, route } = routeApp({ sslRedirect: true, allowedSourceRanges: ['10.0.0.0/8', '172.16.0.0/12'], backendProtocol: BackendProtocol.GRPCS });
    // WHEN
    synth(app, { unvalidatedKinds: UNVALIDATED });
    // THEN
    expect(route.ingress.toJson().metadata.annotations).toStrictEqual({
      'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP": 80}, {"HTTPS": 443}]',
      'alb.ingress.kubernetes.io/ssl-redirect': '443',
      'alb.ingress.kubernetes.io/inbound-cidrs': '10.0.0.0/8,172.16.0.0/12',
      'alb.ingress.kubernetes.io/backend-protocol': 'HTTPS',
      'alb.ingress.kubernetes.io/backend-protocol-version': 'GRPC',
    });
    expect(route.ingress.toJson().spec.ingressClassName).toBe('edge');
  });

  it.each([
    [BackendProtocol.HTTP, {}],
    [BackendProtocol.HTTPS, { 'alb.ingress.kubernetes.io/backend-protocol': 'HTTPS' }],
    [BackendProtocol.GRPC, { 'alb.ingress.kubernetes.io/backend-protocol': 'HTTP', 'alb.ingress.kubernetes.io/backend-protocol-version': 'GRPC' }],
  ])('maps backend protocol %s', (backendProtocol, annotations) => {
    const route = routeApp({ backendProtocol }).route;
    expect(route.ingress.toJson().metadata.annotations ?? {}).toStrictEqual(annotations);
  });

  it('reports body size, timeouts and rate limits, which an ALB can not apply per Ingress (CG-GATEWAY-003)', () => {
    // GIVEN
    const { app } = routeApp({
      maxRequestBodySize: Size.mebibytes(1), readTimeout: Duration.seconds(60), rateLimitPerSecond: 10, sslRedirect: false,
    });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-GATEWAY-003']);
    expect(errors[0].value).toBe(JSON.stringify('maxRequestBodySize,readTimeout,rateLimitPerSecond'));
  });
});
