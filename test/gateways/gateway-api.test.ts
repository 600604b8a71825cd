import { ApiObject, App, Chart, Duration, Size, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import {
  AcmeIssuer, ApiGatewayEdge, BackendProtocol, CloudProvider, ControllerDeployment, GatewayApiDeployment, GatewayApiRouteTranslation,
  IIngressController, InternalApiGateway,
  IngressClassGateway, IngressClassGatewayProps, IngressController, NetworkIsolation, PathType, PublicWebGateway, Route,
  RouteBackend, RouteOptions, RoutingApi, RuleEngine,
} from '../../src';
import { assertValidManifests } from '../schema-validator';
import { inputErrors, ofKind, synthApp } from '../util/synth';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

const backend = RouteBackend.fromServiceName('web', { port: 80, podLabels: { app: 'web' }, targetPort: 8080 });
const UNSUPPORTED = 'gateways.cdk8s.io/unsupported-route-options';
/** Where FakeProxyImplementation's proxies run, as its Gateways record it (no gap annotation besides). */
const FAKE_PROXY_ANNOTATIONS = { 'gateways.cdk8s.io/proxy-namespace': 'proxies', 'gateways.cdk8s.io/proxy-pod-labels': 'app.kubernetes.io/name=fake-proxy' };

interface Fixture {
  readonly app: App;
  readonly infra: Chart;
  readonly web: Chart;
  readonly gateway: IngressClassGateway;
}

/** Chart "ingress" with a default gateway of class "mesh" on the existing GatewayClass "istio"; chart "web" (namespace web). */
function fixture(props: Partial<IngressClassGatewayProps> = {}): Fixture {
  const app = Testing.app();
  const infra = new Chart(app, 'ingress');
  const gateway = new IngressClassGateway(infra, 'Gateway', {
    className: 'mesh', controller: IngressController.gatewayClass('istio'), api: RoutingApi.GATEWAY_API, defaultClass: true, ...props,
  });
  const web = new Chart(app, 'web', { namespace: 'web' });
  return { app, infra, web, gateway };
}

/** A TLS Secret the app provides, so CG-GWAPI-007 (a certificate Secret nothing provides) stays quiet. */
function tlsSecret(chart: Chart, name: string): void {
  new ApiObject(chart, `TlsSecret-${name}`, { apiVersion: 'v1', kind: 'Secret', metadata: { name }, type: 'kubernetes.io/tls' });
}

function errorIds(app: App): string[] {
  return RuleEngine.of(app).run().errors.map((f) => f.ruleId);
}

describe('IngressClassGateway with the Gateway API (existing GatewayClass)', () => {
  it('emits a Gateway naming the existing class, and no GatewayClass or IngressClass', () => {
    // GIVEN a gateway on the existing class "istio" and a TLS route into namespace web
    const { app, web } = fixture();
    new Route(web, 'Www', { host: 'www.example.com', backend, tlsSecretName: 'www-tls' });
    tlsSecret(web, 'www-tls');
    // WHEN
    const objs = synthApp(app);
    // THEN one Gateway of class istio in the gateway namespace, and neither class object
    expect(ofKind(objs, 'GatewayClass')).toHaveLength(0);
    expect(ofKind(objs, 'IngressClass')).toHaveLength(0);
    expect(ofKind(objs, 'Ingress')).toHaveLength(0);
    const [gw] = ofKind(objs, 'Gateway');
    expect(gw.metadata).toMatchObject({ name: 'mesh', namespace: 'ingress-mesh' });
    expect(gw.spec.gatewayClassName).toBe('istio');
    // AND one HTTPS listener for the host, terminating TLS with the route's Secret in the route namespace, admitting only that namespace
    expect(gw.spec.listeners).toStrictEqual([{
      name: 'https-www.example.com',
      hostname: 'www.example.com',
      port: 443,
      protocol: 'HTTPS',
      tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'www-tls', namespace: 'web' }] },
      allowedRoutes: {
        namespaces: { from: 'Selector', selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['web'] }] } },
        kinds: [{ kind: 'HTTPRoute' }],
      },
    }]);
    // AND the namespace of the Gateway exists
    expect(ofKind(objs, 'Namespace').map((n) => n.metadata.name)).toStrictEqual(['ingress-mesh']);
  });

  it('renders a route as an HTTPRoute attached to its host listener, with its path match and backend', () => {
    // GIVEN an Exact route with TLS
    const { app, web } = fixture();
    new Route(web, 'Api', { host: 'www.example.com', path: '/api', pathType: PathType.EXACT, backend, tlsSecretName: 'www-tls' });
    tlsSecret(web, 'www-tls');
    // WHEN
    const [route] = ofKind(synthApp(app), 'HTTPRoute');
    // THEN
    expect(route.metadata.namespace).toBe('web');
    expect(route.spec).toStrictEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'mesh', namespace: 'ingress-mesh', sectionName: 'https-www.example.com' }],
      hostnames: ['www.example.com'],
      rules: [{ matches: [{ path: { type: 'Exact', value: '/api' } }], backendRefs: [{ name: 'web', port: 80 }] }],
    });
    expect(errorIds(app)).toStrictEqual([]);
  });

  it('gives a route without TLS an HTTP listener for its host on a non-public gateway', () => {
    // GIVEN a plain HTTP route
    const { app, web } = fixture();
    new Route(web, 'Plain', { host: 'plain.example.com', backend });
    // WHEN
    const objs = synthApp(app);
    // THEN
    const [gw] = ofKind(objs, 'Gateway');
    expect(gw.spec.listeners.map((l: any) => [l.name, l.protocol, l.port, l.hostname])).toStrictEqual([['http-plain.example.com', 'HTTP', 80, 'plain.example.com']]);
    expect(ofKind(objs, 'HTTPRoute')[0].spec.parentRefs[0].sectionName).toBe('http-plain.example.com');
  });

  it('renders a gRPC route as a GRPCRoute without path matches', () => {
    // GIVEN a route to a gRPC backend
    const { app, web } = fixture();
    new Route(web, 'Grpc', { host: 'grpc.example.com', backend, options: { backendProtocol: BackendProtocol.GRPC } });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'HTTPRoute')).toHaveLength(0);
    const [route] = ofKind(objs, 'GRPCRoute');
    expect(route.spec.rules).toStrictEqual([{ backendRefs: [{ name: 'web', port: 80 }] }]);
    expect(ofKind(objs, 'Gateway')[0].spec.listeners[0].allowedRoutes.kinds).toStrictEqual([{ kind: 'GRPCRoute' }]);
  });

  it('adds one BackendTLSPolicy per HTTPS backend Service, verifying the Service DNS name against the system CAs', () => {
    // GIVEN two routes to the same HTTPS backend
    const { app, web } = fixture();
    new Route(web, 'A', { host: 'a.example.com', backend, options: { backendProtocol: BackendProtocol.HTTPS } });
    new Route(web, 'B', { host: 'b.example.com', backend, options: { backendProtocol: BackendProtocol.HTTPS } });
    // WHEN
    const policies = ofKind(synthApp(app), 'BackendTLSPolicy');
    // THEN
    expect(policies).toHaveLength(1);
    expect(policies[0].metadata).toMatchObject({ name: 'web-backend-tls', namespace: 'web' });
    expect(policies[0].spec).toStrictEqual({
      targetRefs: [{ group: '', kind: 'Service', name: 'web' }],
      validation: { hostname: 'web.web.svc', wellKnownCACertificates: 'System' },
    });
  });

  it('grants the Gateway its Secrets only in route namespaces other than its own, naming exactly those Secrets', () => {
    // GIVEN TLS routes in web (two secrets) and one in the gateway namespace
    const { app, infra, web } = fixture();
    new Route(web, 'A', { host: 'a.example.com', backend, tlsSecretName: 'b-tls' });
    new Route(web, 'B', { host: 'b.example.com', backend, tlsSecretName: 'a-tls' });
    const local = new Chart(app, 'local', { namespace: 'ingress-mesh' });
    new Route(local, 'C', { host: 'c.example.com', backend: RouteBackend.fromServiceName('status', { port: 80 }), tlsSecretName: 'c-tls' });
    for (const s of ['a-tls', 'b-tls']) tlsSecret(web, s);
    tlsSecret(local, 'c-tls');
    void infra;
    // WHEN
    const objs = synthApp(app);
    // THEN one ReferenceGrant, in web, from the Gateway's namespace, to the two Secrets sorted
    const grants = ofKind(objs, 'ReferenceGrant');
    expect(grants).toHaveLength(1);
    expect(grants[0].metadata.namespace).toBe('web');
    expect(grants[0].spec).toStrictEqual({
      from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'ingress-mesh' }],
      to: [{ group: '', kind: 'Secret', name: 'a-tls' }, { group: '', kind: 'Secret', name: 'b-tls' }],
    });
    // AND the rules find every certificateRef granted
    expect(errorIds(app)).toStrictEqual([]);
  });
});

describe('route options on an existing GatewayClass', () => {
  it('rejects (CG-GATEWAY-003) options that need an implementation policy, recording them on the HTTPRoute', () => {
    // GIVEN a route with a body size and a rate limit
    const { app, web } = fixture();
    new Route(web, 'Limited', { host: 'a.example.com', backend, options: { maxRequestBodySize: Size.mebibytes(1), rateLimitPerSecond: 5 } });
    // WHEN
    const findings = RuleEngine.of(app).run().errors;
    // THEN
    expect(findings.map((f) => f.ruleId)).toStrictEqual(['CG-GATEWAY-003']);
    expect(findings[0].value).toBe('"maxRequestBodySize,rateLimitPerSecond"');
    expect(findings[0].message).toContain('Gateway mesh');
  });

  it('applies a read timeout as the standard backendRequest timeout, with no finding', () => {
    // GIVEN the compliant neighbour: only a read timeout
    const { app, web } = fixture();
    new Route(web, 'Slow', { host: 'a.example.com', backend, options: { readTimeout: Duration.seconds(90) } });
    // WHEN
    const [route] = ofKind(synthApp(app), 'HTTPRoute');
    // THEN
    expect(route.spec.rules[0].timeouts).toStrictEqual({ backendRequest: '90s' });
    expect(route.metadata.annotations?.[UNSUPPORTED]).toBeUndefined();
  });
});

describe('choosing the API', () => {
  it('rejects the Gateway API on a profile that serves Ingresses only (CG-INPUT-001 naming the field and value)', () => {
    // GIVEN ingress-nginx with api GATEWAY_API
    const { gateway } = fixture({ controller: IngressController.nginx(), className: 'nginx' });
    // WHEN / THEN
    const errors = inputErrors(gateway);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ constructPath: 'ingress/Gateway', field: 'api', value: '"GatewayAPI"' });
    expect(errors[0].message).toContain('ingress-nginx serves Ingresses only');
  });

  it('rejects both APIs at once on a profile without one deployment for both', () => {
    // GIVEN the existing class with INGRESS_AND_GATEWAY_API
    const { gateway } = fixture({ api: RoutingApi.INGRESS_AND_GATEWAY_API });
    // WHEN / THEN
    expect(inputErrors(gateway).map((e) => [e.field, e.value])).toStrictEqual([['api', '"IngressAndGatewayAPI"']]);
  });

  it('rejects the Ingress API on an existing GatewayClass', () => {
    // GIVEN the existing class without api
    const app = Testing.app();
    const gateway = new IngressClassGateway(new Chart(app, 'ingress'), 'Gateway', { className: 'mesh', controller: IngressController.gatewayClass('istio') });
    // WHEN / THEN
    expect(inputErrors(gateway).map((e) => [e.field, e.value])).toStrictEqual([['api', '"Ingress"']]);
  });

  it('rejects an ImplementationSpecific path, which has no Gateway API match', () => {
    // GIVEN
    const { app, web } = fixture();
    const route = new Route(web, 'Odd', { host: 'a.example.com', backend, pathType: PathType.IMPLEMENTATION_SPECIFIC });
    // WHEN / THEN
    expect(inputErrors(app).map((e) => [e.constructPath, e.field])).toStrictEqual([[route.node.path, 'pathType']]);
  });

  it('renders the same hosts, paths, backends, TLS secrets and names whether the gateway uses Ingress or the Gateway API', () => {
    // GIVEN the same routes on an nginx Ingress gateway and on an existing-class Gateway API gateway
    const render = (gatewayProps: Partial<IngressClassGatewayProps>) => {
      const { app, web } = fixture(gatewayProps);
      new Route(web, 'Www', { host: 'www.example.com', backend, tlsSecretName: 'www-tls' });
      new Route(web, 'Api', { host: 'www.example.com', path: '/api', pathType: PathType.EXACT, backend: RouteBackend.fromServiceName('api', { port: 8080 }), tlsSecretName: 'www-tls' });
      tlsSecret(web, 'www-tls');
      return synthApp(app);
    };
    const viaIngress = render({ controller: IngressController.nginx(), api: RoutingApi.INGRESS }).filter((o) => o.kind === 'Ingress');
    const viaGatewayApi = render({}).filter((o) => o.kind === 'HTTPRoute');
    assertValidManifests([...viaIngress, ...viaGatewayApi]);
    // WHEN each is reduced to name, host, path match, backend
    const fromIngress = viaIngress.map((i) => {
      const path = i.spec.rules[0].http.paths[0];
      return [i.metadata.name, i.spec.rules[0].host, path.pathType === 'Prefix' ? 'PathPrefix' : path.pathType, path.path,
        path.backend.service.name, path.backend.service.port.number, i.spec.tls[0].secretName];
    });
    const fromRoutes = viaGatewayApi.map((r) => [r.metadata.name, r.spec.hostnames[0], r.spec.rules[0].matches[0].path.type,
      r.spec.rules[0].matches[0].path.value, r.spec.rules[0].backendRefs[0].name, r.spec.rules[0].backendRefs[0].port, 'www-tls']);
    // THEN they agree
    expect(fromRoutes).toStrictEqual(fromIngress);
    expect(fromRoutes).toHaveLength(2);
  });
});

describe('PublicWebGateway on the Gateway API', () => {
  function publicWeb(): { app: App; web: Chart; gateway: PublicWebGateway } {
    const app = Testing.app();
    const infra = new Chart(app, 'ingress');
    const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com' });
    const gateway = new PublicWebGateway(infra, 'Gateway', {
      className: 'public-web', controller: IngressController.gatewayClass('istio'), api: RoutingApi.GATEWAY_API, issuer, defaultClass: true,
    });
    const web = new Chart(app, 'web', { namespace: 'web' });
    new Route(web, 'Www', { host: 'www.example.com', backend, tlsSecretName: 'www-tls' });
    return { app, web, gateway };
  }

  it('redirects plain HTTP on one listener without hostname that admits no namespace but its own (no route namespace)', () => {
    // GIVEN a public web gateway with one TLS route into web
    const { app } = publicWeb();
    // WHEN
    const objs = synthApp(app);
    // THEN the HTTP listener has no hostname and admits ingress-public-web only (redirect and HTTP-01 routes)
    const http = ofKind(objs, 'Gateway')[0].spec.listeners.find((l: any) => l.name === 'http');
    expect(http.hostname).toBeUndefined();
    expect(http.allowedRoutes.namespaces.selector.matchExpressions[0].values).toStrictEqual(['ingress-public-web']);
    // AND the redirect route answers 301 to https from the Gateway's namespace
    const redirect = ofKind(objs, 'HTTPRoute').find((r) => r.metadata.namespace === 'ingress-public-web');
    expect(redirect.spec.parentRefs).toStrictEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public-web', sectionName: 'http' }]);
    expect(redirect.spec.rules[0].filters).toStrictEqual([{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }]);
    // AND the Certificate is issued in the Gateway's namespace, its Secret named after the route namespace, so the
    // HTTPS listener reads it in its own namespace without a ReferenceGrant
    expect(ofKind(objs, 'Certificate').map((c) => [c.metadata.namespace, c.spec.secretName])).toStrictEqual([['ingress-public-web', 'web.www-tls']]);
    const https = ofKind(objs, 'Gateway')[0].spec.listeners.find((l: any) => l.name === 'https-www.example.com');
    expect(https.tls.certificateRefs).toStrictEqual([{ group: '', kind: 'Secret', name: 'web.www-tls' }]);
    expect(ofKind(objs, 'ReferenceGrant')).toStrictEqual([]);
    assertValidManifests(objs);
  });

  it('gives two namespaces that use the same tlsSecretName two Secrets in the Gateway\'s namespace', () => {
    // GIVEN two namespaces whose routes both name their secret "www-tls"
    const { app } = publicWeb();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    new Route(shop, 'Shop', { host: 'shop.example.com', backend, tlsSecretName: 'www-tls' });
    // WHEN
    const objs = synthApp(app);
    // THEN each gets its own Certificate and Secret, and each host's listener refers to its own
    expect(ofKind(objs, 'Certificate').map((c) => [c.metadata.namespace, c.spec.secretName, c.spec.dnsNames]).sort()).toStrictEqual([
      ['ingress-public-web', 'shop.www-tls', ['shop.example.com']],
      ['ingress-public-web', 'web.www-tls', ['www.example.com']],
    ]);
    const refs = Object.fromEntries(ofKind(objs, 'Gateway')[0].spec.listeners.filter((l: any) => l.tls)
      .map((l: any) => [l.hostname, l.tls.certificateRefs.map((r: any) => r.name)]));
    expect(refs).toStrictEqual({ 'shop.example.com': ['shop.www-tls'], 'www.example.com': ['web.www-tls'] });
  });

  it('keeps Certificates in the route namespace with a ReferenceGrant from the Gateway when an Ingress serves the routes too', () => {
    // GIVEN a Traefik public web gateway serving both APIs
    const app = Testing.app();
    const infra = new Chart(app, 'ingress');
    const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com' });
    new PublicWebGateway(infra, 'Gateway', {
      className: 'public-web', controller: IngressController.traefik(), api: RoutingApi.INGRESS_AND_GATEWAY_API, issuer, defaultClass: true,
    });
    const web = new Chart(app, 'web', { namespace: 'web' });
    new Route(web, 'Www', { host: 'www.example.com', backend, tlsSecretName: 'www-tls' });
    // WHEN
    const objs = synthApp(app);
    // THEN the Ingress's Secret is the listener's, read through a grant in web
    expect(ofKind(objs, 'Certificate').map((c) => [c.metadata.namespace, c.spec.secretName])).toStrictEqual([['web', 'www-tls']]);
    expect(ofKind(objs, 'ReferenceGrant').map((g) => [g.metadata.namespace, g.spec.from[0].kind, g.spec.to])).toStrictEqual([
      ['web', 'Gateway', [{ group: '', kind: 'Secret', name: 'www-tls' }]],
    ]);
    // AND the plain HTTP listener still admits the Gateway's namespace only: the HTTP-01 solver is an Ingress
    const http = ofKind(objs, 'Gateway')[0].spec.listeners.find((l: any) => l.name === 'http');
    expect(http.allowedRoutes.namespaces.selector.matchExpressions[0].values).toStrictEqual(['ingress-public-web']);
    expect(ofKind(objs, 'ClusterIssuer')[0].spec.acme.solvers[0].http01.ingress).toBeDefined();
  });

  it('sends HSTS with a standard ResponseHeaderModifier filter on every route', () => {
    // GIVEN / WHEN
    const { app } = publicWeb();
    const route = ofKind(synthApp(app), 'HTTPRoute').find((r) => r.metadata.namespace === 'web');
    // THEN
    expect(route.spec.rules[0].filters).toStrictEqual([{
      type: 'ResponseHeaderModifier',
      responseHeaderModifier: { set: [{ name: 'Strict-Transport-Security', value: 'max-age=31536000' }] },
    }]);
  });

  it('solves ACME HTTP-01 with an HTTPRoute on the Gateway\'s HTTP listener instead of an Ingress', () => {
    // GIVEN / WHEN
    const { app } = publicWeb();
    const [issuer] = ofKind(synthApp(app), 'ClusterIssuer');
    // THEN
    expect(issuer.spec.acme.solvers).toStrictEqual([{
      http01: {
        gatewayHTTPRoute: {
          parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public-web', namespace: 'ingress-public-web', sectionName: 'http' }],
          serviceType: 'ClusterIP',
        },
      },
    }]);
  });

  it('synthesizes with no Gateway API finding (CG-GWAPI-*), and warns (CG-TLS-013) on the Gateway about the limits the class can not apply', () => {
    // GIVEN / WHEN
    const { app } = publicWeb();
    const objs = synthApp(app);
    const report = RuleEngine.of(app).run();
    // THEN
    expect([...report.errors, ...report.warnings].map((f) => f.ruleId).filter((id) => id.startsWith('CG-GWAPI'))).toStrictEqual([]);
    expect(ofKind(objs, 'Gateway')[0].metadata.annotations).toStrictEqual({
      'gateways.cdk8s.io/profile': 'public-web',
      'gateways.cdk8s.io/public-web-unsupported': 'connectTimeout,maxRequestBodySize',
    });
    const gap = report.warnings.filter((f) => f.ruleId === 'CG-TLS-013');
    expect(gap.map((f) => [f.kind, f.namespace, f.name])).toStrictEqual([['Gateway', 'ingress-public-web', 'public-web']]);
    // AND the limit the class applies (the read timeout) is on the route, which records no gap of its own
    const route = ofKind(objs, 'HTTPRoute').find((r) => r.metadata.namespace === 'web');
    expect(route.spec.rules[0].timeouts).toStrictEqual({ backendRequest: '60s' });
    expect(route.metadata.annotations).toBeUndefined();
  });

  it('records no limit gap (no CG-TLS-013) when the implementation applies every limit', () => {
    // GIVEN an implementation that applies every option
    const app = Testing.app();
    const infra = new Chart(app, 'ingress');
    const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com' });
    new PublicWebGateway(infra, 'Gateway', { className: 'public-web', controller: new FakeProxyImplementation(), api: RoutingApi.GATEWAY_API, issuer });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'Gateway')[0].metadata.annotations).toStrictEqual({ 'gateways.cdk8s.io/profile': 'public-web', ...FAKE_PROXY_ANNOTATIONS });
    expect(RuleEngine.of(app).run().warnings.map((f) => f.ruleId)).not.toContain('CG-TLS-013');
  });
});

/** A Gateway API implementation with in-cluster proxies, as Envoy Gateway's profile will be: proxies in `envoy-gateway-system`. */
class FakeProxyImplementation implements IIngressController {
  public readonly name = 'fake-proxy';
  public readonly selfHosted: boolean = false;
  public readonly gatewayApi = {
    name: 'fake-proxy',
    deploy: (): GatewayApiDeployment => ({
      controllerName: 'example.com/fake',
      emitsGatewayClass: true,
      httpListenerPort: 80,
      httpsListenerPort: 443,
      supportsListenerSets: true,
      proxyNamespace: 'proxies',
      proxyPodLabels: { 'app.kubernetes.io/name': 'fake-proxy' },
    }),
    translateRouteOptions: (_o: RouteOptions): GatewayApiRouteTranslation => ({ filters: [], objects: [], unsupported: [] }),
  };
  public deploy(): ControllerDeployment {
    return { controllerValue: 'example.com/fake' };
  }
  public translateRouteOptions() {
    return { annotations: {}, unsupported: [] };
  }
}

describe('NetworkPolicies from the proxy pods', () => {
  it('admits the implementation\'s proxy pods, in their namespace, to backends in an isolated namespace', () => {
    // GIVEN an implementation whose proxies run in "proxies", and an isolated namespace web
    const { app, web } = fixture({ controller: new FakeProxyImplementation() });
    NetworkIsolation.of(app).declareIsolatedNamespace('web');
    new Route(web, 'Www', { host: 'www.example.com', backend });
    // WHEN
    const objs = synthApp(app);
    // THEN the GatewayClass is emitted and the allowance names the proxy pods
    expect(ofKind(objs, 'GatewayClass').map((c) => [c.metadata.name, c.spec.controllerName])).toStrictEqual([['mesh', 'example.com/fake']]);
    const [policy] = ofKind(objs, 'NetworkPolicy');
    expect(policy.spec.ingress).toStrictEqual([{
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'proxies' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'fake-proxy' } } }],
      ports: [{ protocol: 'TCP', port: 8080 }],
    }]);
    // AND the Gateway records where its proxies run, so CG-NETPOL-001 can check reachability from manifests alone
    expect(ofKind(objs, 'Gateway')[0].metadata.annotations).toStrictEqual({
      'gateways.cdk8s.io/proxy-namespace': 'proxies',
      'gateways.cdk8s.io/proxy-pod-labels': 'app.kubernetes.io/name=fake-proxy',
    });
  });

  it('lets CG-NETPOL-001 see the proxies of an isolated route\'s Gateway: a default-deny without the allowance is reported', () => {
    // GIVEN the same app, with the route's allowance replaced by nothing (a namespace isolated by hand, not declared)
    const { app, web } = fixture({ controller: new FakeProxyImplementation() });
    new Route(web, 'Www', { host: 'www.example.com', backend });
    new k8s.KubeService(web, 'Service', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: k8s.IntOrString.fromNumber(8080) }] } });
    new k8s.KubeDeployment(web, 'Deployment', {
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1', ports: [{ containerPort: 8080 }] }] } },
      },
    });
    const denyAll = () => new k8s.KubeNetworkPolicy(web, 'DefaultDeny', { metadata: { name: 'default-deny' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    const unreachable = () => RuleEngine.of(app).run().errors.filter((f) => f.ruleId === 'CG-NETPOL-001').map((f) => [f.kind, f.field]);
    // WHEN / THEN: reachable before the default-deny, unreachable after it
    expect(unreachable()).toStrictEqual([]);
    denyAll();
    expect(unreachable()).toStrictEqual([['HTTPRoute', 'spec.rules[0].backendRefs[0]']]);
  });

  it('rejects a route into an isolated namespace through an existing class, whose proxy pods it can not name', () => {
    // GIVEN the existing class and an isolated namespace
    const { app, web } = fixture();
    NetworkIsolation.of(app).declareIsolatedNamespace('web');
    const route = new Route(web, 'Www', { host: 'www.example.com', backend });
    // WHEN / THEN
    expect(inputErrors(app).map((e) => [e.constructPath, e.field])).toStrictEqual([[route.node.path, 'gateway']]);
  });
});

describe('declaration order', () => {
  it('gives the same Gateway API output when routes are declared before the gateway', () => {
    const build = (routesFirst: boolean) => {
      const app = Testing.app();
      const infra = new Chart(app, 'ingress');
      const web = new Chart(app, 'web', { namespace: 'web' });
      const routes = () => {
        new Route(web, 'Www', { host: 'www.example.com', backend, tlsSecretName: 'www-tls' });
        new Route(web, 'Api', { host: 'api.example.com', backend });
      };
      if (routesFirst) routes();
      new IngressClassGateway(infra, 'Gateway', { className: 'mesh', controller: IngressController.gatewayClass('istio'), api: RoutingApi.GATEWAY_API, defaultClass: true });
      if (!routesFirst) routes();
      tlsSecret(web, 'www-tls');
      return synthApp(app);
    };
    expect(build(true)).toStrictEqual(build(false));
  });
});

describe('edge presets on the Gateway API', () => {
  it('InternalApiGateway: applies its edge settings as route defaults where the class can, and warns (CG-GATEWAY-005) on the Gateway for the rest', () => {
    // GIVEN an internal gateway on the existing class, and one route
    const app = Testing.app();
    const infra = new Chart(app, 'ingress');
    new InternalApiGateway(infra, 'Gateway', {
      className: 'internal', controller: IngressController.gatewayClass('istio'), api: RoutingApi.GATEWAY_API, provider: CloudProvider.AWS, defaultClass: true,
    });
    const web = new Chart(app, 'web', { namespace: 'web' });
    new Route(web, 'Api', { host: 'api.internal.example.com', backend, tlsSecretName: 'api-tls' });
    // WHEN
    const objs = synthApp(app);
    const report = RuleEngine.of(app).run();
    // THEN the read timeout is on the route, and the rest is the Gateway's recorded gap
    const [route] = ofKind(objs, 'HTTPRoute');
    expect(route.spec.rules[0].timeouts).toStrictEqual({ backendRequest: '60s' });
    expect(route.metadata.annotations).toBeUndefined();
    const [gw] = ofKind(objs, 'Gateway');
    expect(gw.metadata.annotations).toStrictEqual({
      'gateways.cdk8s.io/profile': 'internal-api',
      'gateways.cdk8s.io/edge-unsupported': 'clientAllowlist,connectTimeout,maxRequestBodySize,rateLimitPerSecond',
    });
    expect(report.warnings.filter((f) => f.ruleId === 'CG-GATEWAY-005').map((f) => [f.kind, f.name])).toStrictEqual([['Gateway', 'internal']]);
    expect(ofKind(objs, 'IngressClass')).toHaveLength(0);
  });

  it('InternalApiGateway: no edge gap (no CG-GATEWAY-005) when the implementation applies every setting', () => {
    // GIVEN an implementation that applies every option
    const app = Testing.app();
    new InternalApiGateway(new Chart(app, 'ingress'), 'Gateway', {
      className: 'internal', controller: new FakeProxyImplementation(), api: RoutingApi.GATEWAY_API, provider: CloudProvider.AWS,
    });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'Gateway')[0].metadata.annotations).toStrictEqual({ 'gateways.cdk8s.io/profile': 'internal-api', ...FAKE_PROXY_ANNOTATIONS });
    expect(RuleEngine.of(app).run().warnings.map((f) => f.ruleId)).not.toContain('CG-GATEWAY-005');
  });

  it('ApiGatewayEdge: routes the API host through the Gateway and records the edge settings a standard-only class can not apply', () => {
    // GIVEN an edge on the existing class
    const app = Testing.app();
    const infra = new Chart(app, 'ingress');
    const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com' });
    new ApiGatewayEdge(infra, 'Edge', {
      host: 'api.example.com',
      apiGateway: RouteBackend.fromServiceName('kong', { port: 80, namespace: 'api' }),
      edge: { className: 'edge', controller: IngressController.gatewayClass('istio'), api: RoutingApi.GATEWAY_API, issuer },
    });
    // WHEN
    const objs = synthApp(app);
    // THEN
    const route = ofKind(objs, 'HTTPRoute').find((r) => r.metadata.namespace === 'api');
    expect(route.spec.hostnames).toStrictEqual(['api.example.com']);
    expect(route.spec.parentRefs[0]).toMatchObject({ kind: 'Gateway', name: 'edge', sectionName: 'https-api.example.com' });
    // The read timeout is the standard backendRequest timeout; the rest needs implementation policies.
    expect(route.spec.rules[0].timeouts).toStrictEqual({ backendRequest: '60s' });
    expect(ofKind(objs, 'Gateway')[0].metadata.annotations['gateways.cdk8s.io/edge-unsupported'])
      .toBe('connectTimeout,maxRequestBodySize,rateLimitPerSecond');
  });
});

/** A self-hosted profile that serves Ingresses and the Gateway API from one deployment (as Traefik does). */
class DualApiController extends FakeProxyImplementation {
  public readonly selfHosted: boolean = true;
  public deploy(): ControllerDeployment {
    return { controllerValue: 'example.com/dual', podLabels: { app: 'dual' }, serviceName: 'dual' };
  }
}

describe('both APIs at once', () => {
  it('renders every route as an Ingress and an HTTPRoute of the same name, and emits the IngressClass and the Gateway', () => {
    // GIVEN a profile that serves both from one deployment
    const { app, web } = fixture({ controller: new DualApiController(), api: RoutingApi.INGRESS_AND_GATEWAY_API, createNamespace: false });
    new Route(web, 'Www', { host: 'www.example.com', backend });
    // WHEN
    const objs = app.charts.flatMap((c) => c.toJson());
    // THEN
    const [ingress] = ofKind(objs, 'Ingress');
    const [route] = ofKind(objs, 'HTTPRoute');
    expect(route.metadata.name).toBe(ingress.metadata.name);
    expect(route.spec.hostnames).toStrictEqual([ingress.spec.rules[0].host]);
    expect(ofKind(objs, 'IngressClass').map((c) => c.metadata.name)).toStrictEqual(['mesh']);
    expect(ofKind(objs, 'Gateway').map((g) => g.metadata.name)).toStrictEqual(['mesh']);
    assertValidManifests([ingress, route, ...ofKind(objs, 'Gateway'), ...ofKind(objs, 'GatewayClass')]);
  });
});

describe('the library\'s implementations through the gateway', () => {
  it('Envoy Gateway: a GatewayClass with its EnvoyProxy as parameters, and routes that pass the schema, CEL and every rule', () => {
    // GIVEN a public web gateway on Envoy Gateway, with a TLS route and a rate-limited route
    const app = Testing.app();
    const infra = new Chart(app, 'ingress');
    const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com' });
    new PublicWebGateway(infra, 'Gateway', { className: 'public-web', controller: IngressController.envoyGateway(), api: RoutingApi.GATEWAY_API, issuer, defaultClass: true });
    const web = new Chart(app, 'web', { namespace: 'web' });
    new Route(web, 'Www', { host: 'www.example.com', backend, tlsSecretName: 'www-tls', options: { rateLimitPerSecond: 10 } });
    // WHEN
    const objs = synthApp(app);
    // THEN
    const [gatewayClass] = ofKind(objs, 'GatewayClass');
    expect(gatewayClass.spec.parametersRef).toMatchObject({ group: 'gateway.envoyproxy.io', kind: 'EnvoyProxy' });
    expect(ofKind(objs, 'HTTPRoute').find((r) => r.metadata.namespace === 'web').spec.parentRefs[0].sectionName).toBe('https-www.example.com');
    expect(RuleEngine.of(app).run().errors).toStrictEqual([]);
  });

  it('Traefik: serves each route as an Ingress and an HTTPRoute, and labels the GatewayClass so its deployment claims it', () => {
    // GIVEN a Traefik gateway serving both APIs
    const { app, web } = fixture({ controller: IngressController.traefik(), api: RoutingApi.INGRESS_AND_GATEWAY_API, className: 'web' });
    new Route(web, 'Www', { host: 'www.example.com', backend });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'Ingress').map((i) => i.metadata.name)).toStrictEqual(ofKind(objs, 'HTTPRoute').map((r) => r.metadata.name));
    const [gatewayClass] = ofKind(objs, 'GatewayClass');
    expect(Object.keys(gatewayClass.metadata.labels).length).toBeGreaterThan(1);
  });
});
