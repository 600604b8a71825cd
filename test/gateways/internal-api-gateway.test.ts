import { App, Chart, Testing } from 'cdk8s';
import { build } from '../../examples/internal-api/main';
import {
  CloudProvider, GatewayExposure, IIngressController, IngressController, InternalApiGateway, InternalApiGatewayProps, IssuerRef, Route, RouteBackend,
  RuleEngine, Suppressions,
} from '../../src';
import { InvalidInputError } from '../../src/core/input/input-error';
import { egressFlows, ingressFlows, named } from '../network/policy-sets';
import { inputErrors, ofKind, synthApp } from '../util/synth';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

const PROFILE = 'gateways.cdk8s.io/profile';
const backend = RouteBackend.fromServiceName('orders', { port: 80, podLabels: { app: 'orders' }, targetPort: 8080 });

/** Chart "ingress" with an internal API gateway of class "internal-api"; chart "orders" (namespace orders) for routes. */
function fixture(props: Partial<InternalApiGatewayProps> = {}, controller: IIngressController = IngressController.nginx()) {
  const app = Testing.app();
  const infra = new Chart(app, 'ingress');
  const gateway = new InternalApiGateway(infra, 'Gateway', { className: 'internal-api', controller, provider: CloudProvider.AWS, ...props });
  const orders = new Chart(app, 'orders', { namespace: 'orders' });
  return { app, infra, orders, gateway };
}

function ruleIds(app: App, severity: 'errors' | 'warnings' = 'errors'): string[] {
  return RuleEngine.of(app).run()[severity].map((f) => f.ruleId);
}

const clientService = (objs: any[]) => named(objs, 'Service', 'internal-api-controller');

describe('InternalApiGateway exposure', () => {
  it.each([
    ['aws', { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true', 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' }],
    ['gcp', { 'networking.gke.io/load-balancer-type': 'Internal' }],
    ['azure', { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' }],
  ])('puts the controller behind an internal load balancer of %s, marked internal-api', (provider, annotations) => {
    // GIVEN the provider chosen by name
    const { app } = fixture({ provider: CloudProvider.of(provider) });
    // WHEN
    const objs = synthApp(app);
    // THEN the Service carries exactly the provider's internal annotations and the profile
    const service = clientService(objs);
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.metadata.annotations).toStrictEqual({ ...annotations, [PROFILE]: 'internal-api' });
    // AND the class is marked, and is not the default class
    const [ingressClass] = ofKind(objs, 'IngressClass');
    expect(ingressClass.metadata.annotations).toStrictEqual({ [PROFILE]: 'internal-api' });
    expect(ruleIds(app)).toStrictEqual([]);
  });

  it('fails on an unknown provider name, listing the supported ones', () => {
    // WHEN / THEN
    expect(() => fixture({ provider: CloudProvider.of('oracle') })).toThrow(InvalidInputError);
    expect(() => fixture({ provider: CloudProvider.of('oracle') })).toThrow('CloudProvider.of: unknown cloud provider "oracle"; supported: aws, gcp, azure');
  });

  it('reports an external load balancer as CG-GATEWAY-004 at synth, with every other finding', () => {
    // GIVEN an internal API gateway exposed publicly
    const { app } = fixture({ exposure: GatewayExposure.publicLoadBalancer() });
    // THEN the rule reports it, and synth fails
    expect(ruleIds(app)).toStrictEqual(['CG-GATEWAY-004']);
    expect(() => app.synth()).toThrow(/CG-GATEWAY-004/);
  });

  it('accepts a suppressed external exposure, and a ClusterIP exposure', () => {
    // GIVEN a suppressed public exposure, and a ClusterIP gateway
    const { app, gateway } = fixture({ exposure: GatewayExposure.publicLoadBalancer() });
    Suppressions.of(gateway).add('CG-GATEWAY-004', 'the load balancer sits in a private-only VPC');
    const other = fixture({ exposure: GatewayExposure.clusterIp() });
    // THEN
    expect(ruleIds(app)).toStrictEqual([]);
    expect(ruleIds(other.app)).toStrictEqual([]);
    expect(clientService(synthApp(other.app)).spec.type).toBe('ClusterIP');
  });

  it('is the default class only when asked', () => {
    // GIVEN
    const { app } = fixture({ defaultClass: true });
    // THEN
    expect(ofKind(synthApp(app), 'IngressClass')[0].metadata.annotations['ingressclass.kubernetes.io/is-default-class']).toBe('true');
  });

  it('rejects cloud-managed controllers, which have no edge settings', () => {
    const { app } = fixture({}, IngressController.awsAlb());
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'ingress/Gateway',
      field: 'controller',
      value: '"aws-load-balancer-controller"',
      message: 'the controller profile has no edge settings (configureEdge); use IngressController.nginx(), traefik() or haproxy()',
    }]);
    expect(() => synthApp(app)).toThrow(/CG-INPUT-001 at ingress\/Gateway\n    controller = "aws-load-balancer-controller"/);
  });
});

describe('InternalApiGateway allowlist', () => {
  it('enforces the allowlist at the load balancer, in ingress-nginx and in the controller NetworkPolicy', () => {
    // GIVEN an allowlist
    const { app } = fixture({ allowedSourceCidrs: ['10.20.0.0/16', '192.168.10.0/24'] });
    // WHEN
    const objs = synthApp(app);
    // THEN the load balancer
    expect(clientService(objs).spec.loadBalancerSourceRanges).toStrictEqual(['10.20.0.0/16', '192.168.10.0/24']);
    // AND the controller itself
    expect(named(objs, 'ConfigMap', 'internal-api-controller').data['whitelist-source-range']).toBe('10.20.0.0/16,192.168.10.0/24');
    // AND the NetworkPolicy, as a set
    expect(ingressFlows(named(objs, 'NetworkPolicy', 'internal-api-controller'))).toStrictEqual([
      'cidr:10.20.0.0/16 -> TCP/443', 'cidr:10.20.0.0/16 -> TCP/80',
      'cidr:192.168.10.0/24 -> TCP/443', 'cidr:192.168.10.0/24 -> TCP/80',
      'ns:monitoring -> TCP/10254',
    ]);
  });

  it('defaults to the private ranges', () => {
    const objs = synthApp(fixture().app);
    expect(clientService(objs).spec.loadBalancerSourceRanges).toStrictEqual(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7']);
  });

  it('rejects an empty or invalid allowlist, and a bad rate limit', () => {
    // GIVEN an empty allowlist
    const empty = fixture({ allowedSourceCidrs: [] }).app;
    expect(inputErrors(empty)).toStrictEqual([{
      constructPath: 'ingress/Gateway',
      field: 'allowedSourceCidrs',
      value: '[]',
      message: 'the allowlist is empty, so no client could reach the gateway; give at least one CIDR, or leave it unset for the private ranges',
    }]);
    expect(() => synthApp(empty)).toThrow(/CG-INPUT-001 at ingress\/Gateway/);
    // AND an invalid entry and rate limit, reported together and the entry dropped
    const { app, gateway } = fixture({ allowedSourceCidrs: ['10.0.0.0', '10.20.0.0/16'], rateLimitPerSecond: 0 });
    const errors = inputErrors(app);
    expect(errors.map((e) => [e.constructPath, e.field, e.value])).toStrictEqual([
      ['ingress/Gateway', 'allowedSourceCidrs[0]', '"10.0.0.0"'],
      ['ingress/Gateway', 'rateLimitPerSecond', '0'],
    ]);
    expect(errors[0].message).toMatch(/^allowed source CIDR must be an address with a prefix length/);
    expect(errors[1].message).toBe('must be a positive integer (1 or more)');
    expect(gateway.allowedSourceCidrs).toStrictEqual(['10.20.0.0/16']);
    expect(() => synthApp(app)).toThrow(/synth stopped by 2 error\(s\)/);
  });

  it('rejects a trusted proxy CIDR Go can not parse with the same message as ApiGatewayEdge', () => {
    // GIVEN one address without a prefix length among the trusted proxies
    const { app } = fixture({ trustedProxyCidrs: ['10.0.0.1', '10.1.0.0/16'] });
    // THEN
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'ingress/Gateway',
      field: 'trustedProxyCidrs[0]',
      value: '"10.0.0.1"',
      message: 'trusted proxy CIDR must be an address with a prefix length, such as "10.0.0.0/8" or "fd00::/8"; give an IPv4 or IPv6 address with a prefix length',
    }]);
  });

  it('applies the allowlist and rate limit in Traefik through file-provider middlewares on both entry points', () => {
    // GIVEN Traefik
    const { app } = fixture({ allowedSourceCidrs: ['10.20.0.0/16'] }, IngressController.traefik());
    // WHEN
    const objs = synthApp(app);
    // THEN
    const dynamic = named(objs, 'ConfigMap', 'internal-api-controller-dynamic');
    expect(dynamic.data['edge.yaml']).toContain('ipAllowList:\n        sourceRange:\n          - 10.20.0.0/16');
    expect(dynamic.data['edge.yaml']).toContain('rateLimit:\n        average: 50');
    const args: string[] = ofKind(objs, 'Deployment')[0].spec.template.spec.containers[0].args;
    expect(args).toEqual(expect.arrayContaining([
      '--entryPoints.websecure.http.middlewares=edge-allowlist@file,edge-rate-limit@file',
      '--entryPoints.web.http.middlewares=edge-allowlist@file,edge-rate-limit@file',
    ]));
    expect(ingressFlows(named(objs, 'NetworkPolicy', 'internal-api-controller'))).toStrictEqual([
      'cidr:10.20.0.0/16 -> TCP/8000', 'cidr:10.20.0.0/16 -> TCP/8443', 'ns:monitoring -> TCP/9100',
    ]);
    // AND the body size limit Traefik can not apply is recorded and warned about
    expect(ofKind(objs, 'IngressClass')[0].metadata.annotations['gateways.cdk8s.io/edge-unsupported']).toBe('maxRequestBodySize');
    expect(ruleIds(app, 'warnings')).toStrictEqual(['CG-GATEWAY-005']);
  });

  it('applies the allowlist and rate limit in the HAProxy ConfigMap', () => {
    const objs = synthApp(fixture({ allowedSourceCidrs: ['10.20.0.0/16'] }, IngressController.haproxy()).app);
    expect(named(objs, 'ConfigMap', 'internal-api-controller').data).toMatchObject({
      'allow-list': '10.20.0.0/16', 'rate-limit-requests': '50', 'rate-limit-period': '1s', 'rate-limit-status-code': '429', 'forwarded-for': 'true',
    });
  });
});

describe('InternalApiGateway routes', () => {
  it('issues each route certificate from its own private CA by default, and limits each client', () => {
    // GIVEN a TLS route
    const { app, orders, gateway } = fixture();
    new Route(orders, 'Orders', { gateway, host: 'orders.internal.example.com', backend, tlsSecretName: 'orders-tls' });
    new Route(orders, 'Bulk', { gateway, host: 'bulk.internal.example.com', backend, tlsSecretName: 'bulk-tls', options: { rateLimitPerSecond: 5 } });
    // WHEN
    const objs = synthApp(app);
    // THEN the CA and one Certificate per route, from it
    expect(ofKind(objs, 'ClusterIssuer').map((i) => i.metadata.name)).toStrictEqual(['internal-api-ca-selfsigned', 'internal-api-ca']);
    const certs = ofKind(objs, 'Certificate').filter((c) => c.metadata.namespace === 'orders');
    expect(certs.map((c) => [c.metadata.name, c.spec.dnsNames, c.spec.issuerRef.name])).toStrictEqual([
      ['orders-tls', ['orders.internal.example.com'], 'internal-api-ca'],
      ['bulk-tls', ['bulk.internal.example.com'], 'internal-api-ca'],
    ]);
    // AND the default per-client limit, which a route may replace
    expect(ofKind(objs, 'Ingress').map((i) => i.metadata.annotations['nginx.ingress.kubernetes.io/limit-rps'])).toStrictEqual(['50', '5']);
    expect(ruleIds(app)).toStrictEqual([]);
  });

  it('uses a given issuer instead of creating a CA', () => {
    const { app, orders, gateway } = fixture({ issuer: IssuerRef.clusterIssuer('corp-ca') });
    new Route(orders, 'Orders', { gateway, host: 'orders.internal.example.com', backend, tlsSecretName: 'orders-tls' });
    const objs = synthApp(app);
    expect(ofKind(objs, 'ClusterIssuer')).toStrictEqual([]);
    expect(ofKind(objs, 'Certificate')[0].spec.issuerRef.name).toBe('corp-ca');
  });

  it('requires client certificates on a route with ingress-nginx', () => {
    // GIVEN an mTLS route
    const { app, orders, gateway } = fixture();
    new Route(orders, 'Partner', {
      gateway,
      host: 'partner.internal.example.com',
      backend,
      tlsSecretName: 'partner-tls',
      options: { clientCertificate: { caSecretName: 'partner-ca', caSecretNamespace: 'orders', verifyDepth: 2 } },
    });
    // WHEN
    const [ingress] = ofKind(synthApp(app), 'Ingress');
    // THEN
    expect(ingress.metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/auth-tls-secret': 'orders/partner-ca',
      'nginx.ingress.kubernetes.io/auth-tls-verify-client': 'on',
      'nginx.ingress.kubernetes.io/auth-tls-verify-depth': '2',
    });
    expect(ruleIds(app)).toStrictEqual([]);
  });

  it.each([['traefik', IngressController.traefik()], ['haproxy', IngressController.haproxy()]])(
    'reports client certificates on %s as unsupported (CG-GATEWAY-003)', (_name, controller) => {
      // GIVEN an mTLS route on a controller without per-route client certificates
      const { app, orders, gateway } = fixture({}, controller);
      new Route(orders, 'Partner', {
        gateway,
        host: 'partner.internal.example.com',
        backend,
        tlsSecretName: 'partner-tls',
        options: { clientCertificate: { caSecretName: 'partner-ca', caSecretNamespace: 'orders' } },
      });
      // THEN
      expect(ruleIds(app)).toStrictEqual(['CG-GATEWAY-003']);
    });
});

describe('examples/internal-api', () => {
  it('synthesizes without errors', () => {
    const app = build(Testing.app());
    const objs = synthApp(app);
    expect(ruleIds(app)).toStrictEqual([]);
    expect(ofKind(objs, 'Ingress')).toHaveLength(2);
  });
});

// Egress of the controller stays derived from its routes.
it('lets the controller reach exactly its route backends', () => {
  const { app, orders, gateway } = fixture();
  new Route(orders, 'Orders', { gateway, host: 'orders.internal.example.com', backend, tlsSecretName: 'orders-tls' });
  expect(egressFlows(named(synthApp(app), 'NetworkPolicy', 'internal-api-controller'))).toContain('ns:orders pods:app=orders -> TCP/8080');
});
