import { ApiObject, App, Chart, Duration, Testing } from 'cdk8s';
import {
  AcmeIssuer, ApiGatewayEdge, ClientCertificateAuth, CloudProvider, IIngressController, IngressClassGateway, IngressController, InternalApiGateway,
  Route, RouteBackend, RoutingApi, RuleEngine,
} from '../../src';
import { assertValidManifests } from '../schema-validator';
import { ofKind } from '../util/synth';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

const EDGE_UNSUPPORTED = 'gateways.cdk8s.io/edge-unsupported';
const CLIENT_CERTIFICATE_UNSUPPORTED = 'gateways.cdk8s.io/client-certificate-unsupported';
const apiGateway = RouteBackend.fromServiceName('kong', { namespace: 'api', port: 80, podLabels: { app: 'kong' }, targetPort: 8000 });
const backend = RouteBackend.fromServiceName('web', { port: 80, podLabels: { app: 'web' }, targetPort: 8080 });

/**
 * Every object of the app once rendered, schema- and CEL-validated. Serialized object by object (a chart's toJson
 * would stop at the first error finding), so the tests can assert the error findings with `findings`.
 */
function synthValid(app: App): any[] {
  RuleEngine.of(app).run();
  const objs = app.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject).map((o) => o.toJson());
  assertValidManifests(objs);
  return objs;
}

function findings(app: App, severity: 'errors' | 'warnings', ruleId: string) {
  return RuleEngine.of(app).run()[severity].filter((f) => f.ruleId === ruleId);
}

/** An ApiGatewayEdge "edge" for api.example.com on the Gateway API, in chart "ingress", forwarding to kong in namespace api. */
function edgeApp(controller: IIngressController, trustedProxyCidrs?: string[], api: RoutingApi = RoutingApi.GATEWAY_API): App {
  const app = Testing.app();
  const infra = new Chart(app, 'ingress');
  const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com' });
  new ApiGatewayEdge(infra, 'Edge', {
    host: 'api.example.com',
    apiGateway,
    rateLimitPerSecond: 20,
    trustedProxyCidrs,
    edge: { className: 'edge', controller, api, issuer, readTimeout: Duration.seconds(30) },
  });
  return app;
}

describe('ApiGatewayEdge on the Gateway API', () => {
  it('Envoy Gateway: the edge route\'s BackendTrafficPolicy carries every per-request setting, and a ClientTrafficPolicy on the Gateway trusts the proxies', () => {
    // GIVEN an Envoy Gateway edge behind a CDN
    const app = edgeApp(IngressController.envoyGateway(), ['203.0.113.0/24', '2001:db8::/32']);
    // WHEN
    const objs = synthValid(app);
    // THEN the edge route (in the API gateway's namespace) has one BackendTrafficPolicy with the limits, timeouts and per-client rate
    const [policy] = ofKind(objs, 'BackendTrafficPolicy');
    expect(policy.metadata.namespace).toBe('api');
    expect(policy.spec.targetRefs).toStrictEqual([{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: ofKind(objs, 'HTTPRoute').find((r) => r.metadata.namespace === 'api').metadata.name }]);
    expect(policy.spec.requestBuffer).toStrictEqual({ limit: '8Mi' });
    expect(policy.spec.timeout).toStrictEqual({ tcp: { connectTimeout: '5s' }, http: { streamIdleTimeout: '30s' } });
    expect(policy.spec.rateLimit.local.rules.map((r: any) => [r.clientSelectors[0].sourceCIDR, r.limit])).toStrictEqual([
      [{ type: 'Distinct', value: '0.0.0.0/0' }, { requests: 20, unit: 'Second' }],
      [{ type: 'Distinct', value: '::/0' }, { requests: 20, unit: 'Second' }],
    ]);
    // AND one ClientTrafficPolicy, in the Gateway's namespace, targeting the Gateway and trusting exactly the CDN's ranges
    const [clientTraffic] = ofKind(objs, 'ClientTrafficPolicy');
    expect(clientTraffic.metadata).toMatchObject({ name: 'edge-client-traffic', namespace: 'ingress-edge' });
    expect(clientTraffic.spec).toStrictEqual({
      targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'edge' }],
      clientIPDetection: { xForwardedFor: { trustedCIDRs: ['203.0.113.0/24', '2001:db8::/32'] } },
    });
    // AND nothing is recorded as not applied, and no rule reports an error
    const [gateway] = ofKind(objs, 'Gateway');
    expect(gateway.metadata.annotations?.[EDGE_UNSUPPORTED]).toBeUndefined();
    expect(RuleEngine.of(app).run().errors).toStrictEqual([]);
  });

  it('Envoy Gateway: no ClientTrafficPolicy without trusted proxies (Envoy then takes the connection\'s address as the client\'s)', () => {
    // GIVEN an Envoy Gateway edge without trusted proxies
    const app = edgeApp(IngressController.envoyGateway());
    // WHEN
    const objs = synthValid(app);
    // THEN
    expect(ofKind(objs, 'ClientTrafficPolicy')).toStrictEqual([]);
    expect(ofKind(objs, 'BackendTrafficPolicy')).toHaveLength(1);
  });

  it('Traefik: the per-client rate limit is a Middleware of the edge route, and the trusted proxies are the entry points\' forwardedHeaders', () => {
    // GIVEN a Traefik edge behind a CDN
    const app = edgeApp(IngressController.traefik(), ['203.0.113.0/24']);
    // WHEN
    const objs = synthValid(app);
    // THEN the edge route references a rate-limit Middleware of 20 per second in its namespace
    const route = ofKind(objs, 'HTTPRoute').find((r) => r.metadata.namespace === 'api');
    const [middleware] = ofKind(objs, 'Middleware');
    expect(middleware.metadata.namespace).toBe('api');
    expect(middleware.spec.rateLimit).toMatchObject({ average: 20, burst: 20, period: '1s' });
    expect(route.spec.rules[0].filters).toContainEqual({ type: 'ExtensionRef', extensionRef: { group: 'traefik.io', kind: 'Middleware', name: middleware.metadata.name } });
    // AND both entry points trust the CDN's forwarding headers
    const [deployment] = ofKind(objs, 'Deployment');
    expect(deployment.spec.template.spec.containers[0].args).toEqual(expect.arrayContaining([
      '--entryPoints.web.forwardedHeaders.trustedIPs=203.0.113.0/24', '--entryPoints.websecure.forwardedHeaders.trustedIPs=203.0.113.0/24',
    ]));
    // AND what Traefik can not apply per route is recorded on the Gateway (trusted proxies are applied)
    const [gateway] = ofKind(objs, 'Gateway');
    expect(gateway.metadata.annotations[EDGE_UNSUPPORTED]).toBe('connectTimeout,maxRequestBodySize,readTimeout');
    expect(ofKind(objs, 'ClientTrafficPolicy')).toStrictEqual([]);
  });

  it('Traefik with both APIs: the entry points carry the rate limit for the Ingress and the HTTPRoute alike, with no second limit per route', () => {
    // GIVEN a Traefik edge serving both APIs during a migration
    const app = edgeApp(IngressController.traefik(), ['203.0.113.0/24'], RoutingApi.INGRESS_AND_GATEWAY_API);
    // WHEN
    const objs = synthValid(app);
    // THEN the websecure entry point applies the edge's rate-limit middleware to every router, and trusts the CDN
    const args: string[] = ofKind(objs, 'Deployment')[0].spec.template.spec.containers[0].args;
    expect(args.find((a) => a.startsWith('--entryPoints.websecure.http.middlewares='))).toContain('edge-rate-limit@file');
    expect(args).toContain('--entryPoints.websecure.forwardedHeaders.trustedIPs=203.0.113.0/24');
    // AND the edge route has an Ingress and an HTTPRoute, neither with a rate-limit Middleware of its own
    expect(ofKind(objs, 'Ingress').filter((i) => i.metadata.namespace === 'api')).toHaveLength(1);
    expect(ofKind(objs, 'HTTPRoute').filter((r) => r.metadata.namespace === 'api')).toHaveLength(1);
    expect(ofKind(objs, 'Middleware').filter((m) => m.spec.rateLimit)).toStrictEqual([]);
  });

  it('an existing GatewayClass: rejects nothing, and reports the trusted proxies and the policy-only settings with CG-GATEWAY-005', () => {
    // GIVEN an edge on the existing class istio behind a CDN
    const app = edgeApp(IngressController.gatewayClass('istio'), ['203.0.113.0/24']);
    // WHEN
    const objs = synthValid(app);
    // THEN the read timeout is the standard backendRequest timeout, and the rest is recorded on the Gateway
    const route = ofKind(objs, 'HTTPRoute').find((r) => r.metadata.namespace === 'api');
    expect(route.spec.rules[0].timeouts).toStrictEqual({ backendRequest: '30s' });
    const [gateway] = ofKind(objs, 'Gateway');
    expect(gateway.metadata.annotations[EDGE_UNSUPPORTED]).toBe('connectTimeout,maxRequestBodySize,rateLimitPerSecond,trustedProxyCidrs');
    // AND CG-GATEWAY-005 names them, on the Gateway
    const [gap] = findings(app, 'warnings', 'CG-GATEWAY-005');
    expect(gap).toMatchObject({ kind: 'Gateway', name: 'edge', field: `metadata.annotations["${EDGE_UNSUPPORTED}"]` });
    expect(gap.message).toContain('the trusted proxies for client address headers');
    expect(gap.message).toContain('the per-client rate limit');
  });
});

describe('InternalApiGateway on the Gateway API', () => {
  it('Envoy Gateway: its trusted proxies are the Gateway\'s ClientTrafficPolicy too, so they are no longer a gap', () => {
    // GIVEN an internal Envoy Gateway gateway behind an internal L7 proxy
    const app = Testing.app();
    new InternalApiGateway(new Chart(app, 'ingress'), 'Gateway', {
      className: 'internal',
      controller: IngressController.envoyGateway(),
      api: RoutingApi.GATEWAY_API,
      provider: CloudProvider.AWS,
      trustedProxyCidrs: ['10.1.0.0/16'],
    });
    // WHEN
    const objs = synthValid(app);
    // THEN
    const [clientTraffic] = ofKind(objs, 'ClientTrafficPolicy');
    expect(clientTraffic.metadata).toMatchObject({ name: 'internal-client-traffic', namespace: 'ingress-internal' });
    expect(clientTraffic.spec.clientIPDetection).toStrictEqual({ xForwardedFor: { trustedCIDRs: ['10.1.0.0/16'] } });
    expect(ofKind(objs, 'Gateway')[0].metadata.annotations['gateways.cdk8s.io/edge-unsupported']).toBeUndefined();
  });

  it('Traefik with both APIs: the entry points carry the rate limit and allowlist for the Ingress and the HTTPRoute alike', () => {
    // GIVEN an internal Traefik gateway serving both APIs during a migration, with a route
    const app = Testing.app();
    const gateway = new InternalApiGateway(new Chart(app, 'ingress'), 'Gateway', {
      className: 'internal',
      controller: IngressController.traefik(),
      api: RoutingApi.INGRESS_AND_GATEWAY_API,
      provider: CloudProvider.AWS,
      allowedSourceCidrs: ['10.0.0.0/8'],
      trustedProxyCidrs: ['10.1.0.0/16'],
    });
    new Route(new Chart(app, 'web', { namespace: 'web' }), 'Www', { gateway, host: 'www.internal.example', backend, tlsSecretName: 'www-tls' });
    // WHEN
    const objs = synthValid(app);
    // THEN the websecure entry point applies the edge middlewares to every router, Ingress and Gateway alike
    const args: string[] = ofKind(objs, 'Deployment')[0].spec.template.spec.containers[0].args;
    const middlewares = args.find((a) => a.startsWith('--entryPoints.websecure.http.middlewares='));
    expect(middlewares).toContain('edge-rate-limit@file');
    expect(middlewares).toContain('edge-allowlist@file');
    expect(args).toContain('--entryPoints.websecure.forwardedHeaders.trustedIPs=10.1.0.0/16');
    // AND the HTTPRoute gets no second rate limit or allowlist of its own, and no edge setting is dropped unreported
    expect(ofKind(objs, 'HTTPRoute').filter((r) => r.metadata.namespace === 'web')).toHaveLength(1);
    expect(ofKind(objs, 'Middleware').filter((m) => m.spec.rateLimit || m.spec.ipAllowList)).toStrictEqual([]);
    expect(gateway.unsupportedEdgeSettings).toStrictEqual(['maxRequestBodySize']);
  });
});

/** A gateway "edge" requiring client certificates from `auth`, with TLS route www in namespace web (and a plain route in web). */
function clientCertificateApp(controller: IIngressController, api: RoutingApi, auth: ClientCertificateAuth): App {
  const app = Testing.app();
  const infra = new Chart(app, 'ingress');
  new IngressClassGateway(infra, 'Gateway', { className: 'edge', controller, api, clientCertificate: auth, defaultClass: true });
  const web = new Chart(app, 'web', { namespace: 'web' });
  new Route(web, 'Www', { host: 'www.example.com', backend, tlsSecretName: 'www-tls' });
  RuleEngine.of(app).declareExternalTlsSecret('web', 'www-tls');
  return app;
}

describe('IngressClassGatewayProps.clientCertificate', () => {
  const PKI_CA: ClientCertificateAuth = { caSecretName: 'client-ca', caSecretNamespace: 'pki' };

  it('Ingress API: every TLS route gets the gateway\'s CA as its default, a route\'s own wins, and a route without TLS gets none', () => {
    // GIVEN an ingress-nginx gateway requiring client certificates, a TLS route without its own, one with its own, and a plain route
    const app = clientCertificateApp(IngressController.nginx(), RoutingApi.INGRESS, PKI_CA);
    const web = app.charts.find((c) => c.namespace === 'web')!;
    const gateway = app.node.findAll().find((c) => c instanceof IngressClassGateway) as IngressClassGateway;
    new Route(web, 'Partner', {
      gateway,
      host: 'partner.example.com',
      backend,
      tlsSecretName: 'partner-tls',
      options: { clientCertificate: { caSecretName: 'partner-ca', caSecretNamespace: 'web', verifyDepth: 2 } },
    });
    new Route(web, 'Plain', { gateway, host: 'plain.example.com', backend });
    RuleEngine.of(app).declareExternalTlsSecret('web', 'partner-tls');
    // WHEN
    const objs = synthValid(app);
    // THEN
    const annotationsOf = (host: string) => ofKind(objs, 'Ingress').find((i) => i.spec.rules[0].host === host).metadata.annotations ?? {};
    expect(annotationsOf('www.example.com')).toMatchObject({
      'nginx.ingress.kubernetes.io/auth-tls-secret': 'pki/client-ca',
      'nginx.ingress.kubernetes.io/auth-tls-verify-client': 'on',
      'nginx.ingress.kubernetes.io/auth-tls-verify-depth': '1',
    });
    expect(annotationsOf('partner.example.com')).toMatchObject({
      'nginx.ingress.kubernetes.io/auth-tls-secret': 'web/partner-ca',
      'nginx.ingress.kubernetes.io/auth-tls-verify-depth': '2',
    });
    expect(annotationsOf('plain.example.com')['nginx.ingress.kubernetes.io/auth-tls-secret']).toBeUndefined();
  });

  it('Ingress API: a controller that can not verify client certificates records it on each TLS Ingress (CG-GATEWAY-003)', () => {
    // GIVEN a Traefik gateway (its Ingress side has no per-route client certificates)
    const app = clientCertificateApp(IngressController.traefik(), RoutingApi.INGRESS, PKI_CA);
    // WHEN
    const objs = synthValid(app);
    // THEN
    const [ingress] = ofKind(objs, 'Ingress');
    expect(ingress.metadata.annotations['gateways.cdk8s.io/unsupported-route-options']).toBe('clientCertificate');
    expect(findings(app, 'errors', 'CG-GATEWAY-003')).toHaveLength(1);
  });

  it('Envoy Gateway: the Gateway validates client certificates on every HTTPS listener, with a ReferenceGrant for the CA in another namespace', () => {
    // GIVEN an Envoy Gateway gateway whose client CA is in namespace pki
    const app = clientCertificateApp(IngressController.envoyGateway(), RoutingApi.GATEWAY_API, PKI_CA);
    // WHEN
    const objs = synthValid(app);
    // THEN the standard frontend validation names the Secret across namespaces
    const [gateway] = ofKind(objs, 'Gateway');
    expect(gateway.spec.tls).toStrictEqual({
      frontend: { default: { validation: { caCertificateRefs: [{ group: '', kind: 'Secret', name: 'client-ca', namespace: 'pki' }], mode: 'AllowValidOnly' } } },
    });
    // AND exactly one ReferenceGrant in pki lets that Gateway read exactly that Secret
    const grants = ofKind(objs, 'ReferenceGrant').filter((g) => g.metadata.namespace === 'pki');
    expect(grants.map((g) => g.spec)).toStrictEqual([{
      from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'ingress-edge' }],
      to: [{ group: '', kind: 'Secret', name: 'client-ca' }],
    }]);
    // AND no gap is recorded, and no ClientTrafficPolicy is needed
    expect(gateway.metadata.annotations?.[CLIENT_CERTIFICATE_UNSUPPORTED]).toBeUndefined();
    expect(ofKind(objs, 'ClientTrafficPolicy')).toStrictEqual([]);
    expect(findings(app, 'errors', 'CG-GWAPI-012')).toStrictEqual([]);
  });

  it('Envoy Gateway: no ReferenceGrant when the CA is in the Gateway\'s namespace', () => {
    // GIVEN the CA next to the Gateway
    const app = clientCertificateApp(IngressController.envoyGateway(), RoutingApi.GATEWAY_API, { caSecretName: 'client-ca', caSecretNamespace: 'ingress-edge' });
    // WHEN
    const objs = synthValid(app);
    // THEN the reference has no namespace, and no grant names the CA
    const [gateway] = ofKind(objs, 'Gateway');
    expect(gateway.spec.tls.frontend.default.validation.caCertificateRefs).toStrictEqual([{ group: '', kind: 'Secret', name: 'client-ca' }]);
    expect(ofKind(objs, 'ReferenceGrant').filter((g) => g.spec.to.some((t: any) => t.name === 'client-ca'))).toStrictEqual([]);
  });

  it('Envoy Gateway: rejects nothing but reports an explicit verifyDepth it can not apply (CG-GWAPI-012)', () => {
    // GIVEN a chain depth
    const app = clientCertificateApp(IngressController.envoyGateway(), RoutingApi.GATEWAY_API, { ...PKI_CA, verifyDepth: 3 });
    // WHEN
    const objs = synthValid(app);
    // THEN the certificates are still required, and the depth is reported on the Gateway
    const [gateway] = ofKind(objs, 'Gateway');
    expect(gateway.spec.tls.frontend.default.validation.mode).toBe('AllowValidOnly');
    expect(gateway.metadata.annotations[CLIENT_CERTIFICATE_UNSUPPORTED]).toBe('clientCertificate.verifyDepth');
    expect(findings(app, 'errors', 'CG-GWAPI-012').map((f) => f.message)).toStrictEqual([
      'the implementation of Gateway "edge" can not apply the client certificate chain depth (the implementation\'s own limit applies)',
    ]);
  });

  it.each([
    ['Traefik (its Gateway provider reads no frontend validation and no listener TLS options)', IngressController.traefik()],
    ['an existing GatewayClass (the standard field\'s Core support is a ConfigMap, not the Secret)', IngressController.gatewayClass('istio')],
  ])('%s: the Gateway sets no frontend validation and CG-GWAPI-012 reports the requirement', (_name, controller) => {
    // GIVEN a gateway requiring client certificates on that implementation
    const app = clientCertificateApp(controller, RoutingApi.GATEWAY_API, PKI_CA);
    // WHEN
    const objs = synthValid(app);
    // THEN
    const [gateway] = ofKind(objs, 'Gateway');
    expect(gateway.spec.tls).toBeUndefined();
    expect(ofKind(objs, 'ReferenceGrant').filter((g) => g.metadata.namespace === 'pki')).toStrictEqual([]);
    expect(gateway.metadata.annotations[CLIENT_CERTIFICATE_UNSUPPORTED]).toBe('clientCertificate');
    expect(findings(app, 'errors', 'CG-GWAPI-012')).toHaveLength(1);
  });

  it('rejects a CA Secret name Kubernetes would refuse, naming the prop and the value', () => {
    // GIVEN an invalid Secret name
    const app = clientCertificateApp(IngressController.envoyGateway(), RoutingApi.GATEWAY_API, { caSecretName: 'Client_CA', caSecretNamespace: 'pki' });
    // WHEN
    const errors = findings(app, 'errors', 'CG-INPUT-001');
    // THEN one finding on the field, and the requirement is not rendered
    expect(errors.map((f) => [f.field, f.value])).toStrictEqual([['clientCertificate.caSecretName', '"Client_CA"']]);
  });
});
