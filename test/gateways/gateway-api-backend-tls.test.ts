/**
 * Backend certificate verification (issue 15): the route options `backendCertificateAuthority` and
 * `backendTlsHostname`, the Service's BackendTLSPolicy they shape, and what each implementation and Ingress
 * controller makes of them.
 */
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import {
  BackendCertificateAuthority, BackendProtocol, IngressClassGateway, IngressClassGatewayProps, IngressController, Route, RouteBackend,
  RouteOptions, RoutingApi, RuleEngine,
} from '../../src';
import { verifiesBackendCertificates } from '../../src/controllers/facts/controller-facts';
import { HAPROXY_3_2_12 } from '../../src/controllers/facts/haproxy-3.2.12';
import { INGRESS_NGINX_1_15_1 } from '../../src/controllers/facts/ingress-nginx-1.15.1';
import { TRAEFIK_3_7_11 } from '../../src/controllers/facts/traefik-3.7.11';
import { inputErrors, ofKind, synthApp } from '../util/synth';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

const backend = RouteBackend.fromServiceName('web', { port: 443, podLabels: { app: 'web' }, targetPort: 8443 });
const UNSUPPORTED = 'gateways.cdk8s.io/unsupported-route-options';
const HTTPS = BackendProtocol.HTTPS;

/** Chart "ingress" with a default gateway on the existing GatewayClass "istio" (or `props`); chart "web" (namespace web). */
function fixture(props: Partial<IngressClassGatewayProps> = {}): { app: App; web: Chart } {
  const app = Testing.app();
  new IngressClassGateway(new Chart(app, 'ingress'), 'Gateway', {
    className: 'mesh', controller: IngressController.gatewayClass('istio'), api: RoutingApi.GATEWAY_API, defaultClass: true, ...props,
  });
  return { app, web: new Chart(app, 'web', { namespace: 'web' }) };
}

/** The CA bundle object a route names, so CG-GWAPI-011 (a CA nothing provides) stays quiet. */
function caObject(chart: Chart, kind: 'ConfigMap' | 'Secret', name = 'internal-ca'): void {
  new ApiObject(chart, `${kind}-${name}`, { apiVersion: 'v1', kind, metadata: { name }, data: { 'ca.crt': kind === 'Secret' ? 'LS0tLS1CRUdJTi0tLS0t' : '-----BEGIN-----' } });
}

function errorIds(app: App): string[] {
  return RuleEngine.of(app).run().errors.map((f) => f.ruleId);
}

describe('BackendTLSPolicy with a private CA', () => {
  it('names the route\'s CA ConfigMap in caCertificateRefs (no wellKnownCACertificates) and checks the hostname given', () => {
    // GIVEN an HTTPS route trusting ConfigMap web/internal-ca for the name web.internal
    const { app, web } = fixture();
    new Route(web, 'A', {
      host: 'a.example.com',
      backend,
      options: { backendProtocol: HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromConfigMap('internal-ca'), backendTlsHostname: 'web.internal' },
    });
    caObject(web, 'ConfigMap');
    // WHEN (schema and CEL validated)
    const [policy] = ofKind(synthApp(app), 'BackendTLSPolicy');
    // THEN
    expect(policy.spec.validation).toStrictEqual({ hostname: 'web.internal', caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'internal-ca' }] });
    expect(errorIds(app)).toStrictEqual([]);
  });

  it('keeps the system CAs and the Service DNS name when neither option is set, or with systemCertificates()', () => {
    // GIVEN one route with the explicit system CAs
    const { app, web } = fixture();
    new Route(web, 'A', { host: 'a.example.com', backend, options: { backendProtocol: HTTPS, backendCertificateAuthority: BackendCertificateAuthority.systemCertificates() } });
    // WHEN
    const [policy] = ofKind(synthApp(app), 'BackendTLSPolicy');
    // THEN
    expect(policy.spec.validation).toStrictEqual({ hostname: 'web.web.svc', wellKnownCACertificates: 'System' });
  });

  it('reports the policy (CG-GWAPI-011, an error that fails synth) when the CA ConfigMap is nowhere in the app', () => {
    // GIVEN a route naming ConfigMap web/internal-ca, which nothing provides
    const { app, web } = fixture();
    new Route(web, 'A', { host: 'a.example.com', backend, options: { backendProtocol: HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromConfigMap('internal-ca') } });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN
    expect(errors.map((f) => [f.ruleId, f.field, f.value])).toStrictEqual([['CG-GWAPI-011', 'spec.validation.caCertificateRefs[0]', '"internal-ca"']]);
  });

  it('rejects a second route to the same Service asking for another CA or hostname, naming both', () => {
    // GIVEN routes A and B to Service web/web: A trusts ConfigMap internal-ca, B a Secret and another hostname
    const { app, web } = fixture();
    const a = new Route(web, 'A', { host: 'a.example.com', backend, options: { backendProtocol: HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromConfigMap('internal-ca') } });
    const b = new Route(web, 'B', {
      host: 'b.example.com',
      backend,
      options: { backendProtocol: HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromSecret('other-ca'), backendTlsHostname: 'web.internal' },
    });
    caObject(web, 'ConfigMap');
    // WHEN
    const errors = inputErrors(app);
    // THEN B is reported for both settings, with A's path and values; one policy stays (A's)
    expect(errors.map((e) => [e.constructPath, e.field, e.value])).toStrictEqual([
      [b.node.path, 'options.backendCertificateAuthority', '"Secret/other-ca"'],
      [b.node.path, 'options.backendTlsHostname', '"web.internal"'],
    ]);
    expect(errors[0].message).toContain(`route ${a.node.path} already set to ConfigMap/internal-ca`);
  });

  it('accepts routes to one Service that agree on the CA and hostname: one shared policy, no finding', () => {
    // GIVEN the compliant neighbour: A and B both trust ConfigMap internal-ca
    const { app, web } = fixture();
    const options: RouteOptions = { backendProtocol: HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromConfigMap('internal-ca') };
    new Route(web, 'A', { host: 'a.example.com', backend, options });
    new Route(web, 'B', { host: 'b.example.com', backend, options: { ...options, backendCertificateAuthority: BackendCertificateAuthority.fromConfigMap('internal-ca') } });
    caObject(web, 'ConfigMap');
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'BackendTLSPolicy')).toHaveLength(1);
    expect(inputErrors(app)).toStrictEqual([]);
  });
});

describe('backend certificate options: bad input', () => {
  it('rejects a CA or hostname on a backend that does not speak TLS (CG-INPUT-001 naming field, value and the fix)', () => {
    // GIVEN a plain HTTP (default) route with both options, and a GRPC one with a hostname
    const { app, web } = fixture();
    const plain = new Route(web, 'Plain', {
      host: 'a.example.com', backend, options: { backendCertificateAuthority: BackendCertificateAuthority.fromSecret('internal-ca'), backendTlsHostname: 'web.internal' },
    });
    const grpc = new Route(web, 'Grpc', { host: 'g.example.com', backend: RouteBackend.fromServiceName('grpc', { port: 50051 }), options: { backendProtocol: BackendProtocol.GRPC, backendTlsHostname: 'grpc.internal' } });
    // WHEN
    const errors = inputErrors(app);
    // THEN
    expect(errors.map((e) => [e.constructPath, e.field, e.value])).toStrictEqual([
      [plain.node.path, 'options.backendCertificateAuthority', '"Secret/internal-ca"'],
      [plain.node.path, 'options.backendTlsHostname', '"web.internal"'],
      [grpc.node.path, 'options.backendTlsHostname', '"grpc.internal"'],
    ]);
    expect(errors[0].message).toContain('set backendProtocol to HTTPS or GRPCS (got HTTP)');
    expect(ofKind(synthApp(fixtureWithoutErrors()), 'BackendTLSPolicy')).toHaveLength(1);
  });

  it('rejects a hostname or CA name the BackendTLSPolicy CRD would refuse (not a lowercase RFC 1123 subdomain)', () => {
    // GIVEN an upper-case hostname and a CA ConfigMap name with an underscore
    const { app, web } = fixture();
    const route = new Route(web, 'A', {
      host: 'a.example.com',
      backend,
      options: { backendProtocol: HTTPS, backendTlsHostname: 'Web.Internal', backendCertificateAuthority: BackendCertificateAuthority.fromConfigMap('internal_ca') },
    });
    // WHEN
    const errors = inputErrors(app);
    // THEN both are reported, and the policy falls back to the defaults (still valid)
    expect(errors.map((e) => [e.constructPath, e.field, e.value])).toStrictEqual([
      [route.node.path, 'options.backendCertificateAuthority', '"internal_ca"'],
      [route.node.path, 'options.backendTlsHostname', '"Web.Internal"'],
    ]);
    expect(errors[1].message).toContain('backend TLS hostname must be a lowercase RFC 1123 subdomain');
  });
});

/** An app whose only route is a compliant HTTPS one with a private CA (the neighbour of the rejections above). */
function fixtureWithoutErrors(): App {
  const { app, web } = fixture();
  new Route(web, 'A', { host: 'a.example.com', backend, options: { backendProtocol: HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromConfigMap('internal-ca') } });
  caObject(web, 'ConfigMap');
  return app;
}

describe('CA kinds each Gateway API implementation reads', () => {
  const secretCa: RouteOptions = { backendProtocol: HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromSecret('internal-ca') };
  const configMapCa: RouteOptions = { backendProtocol: HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromConfigMap('internal-ca') };

  it('reports a Secret CA on an existing GatewayClass (implementation-specific), recording it on the HTTPRoute', () => {
    // GIVEN a route with a Secret CA on the existing class istio
    const { app, web } = fixture();
    new Route(web, 'A', { host: 'a.example.com', backend, options: secretCa });
    caObject(web, 'Secret');
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN
    expect(errors.map((f) => [f.ruleId, f.value])).toStrictEqual([['CG-GATEWAY-003', '"backendCertificateAuthority"']]);
  });

  it('accepts a ConfigMap CA and a hostname on an existing GatewayClass (Core support)', () => {
    // GIVEN the compliant neighbour
    const { app, web } = fixture();
    new Route(web, 'A', { host: 'a.example.com', backend, options: { ...configMapCa, backendTlsHostname: 'web.internal' } });
    caObject(web, 'ConfigMap');
    // WHEN
    const [route] = ofKind(synthApp(app), 'HTTPRoute');
    // THEN
    expect(route.metadata.annotations?.[UNSUPPORTED]).toBeUndefined();
    expect(errorIds(app)).toStrictEqual([]);
  });

  it('Envoy Gateway: a GRPCS route with a Secret CA gets a GRPCRoute and a policy naming the Secret, schema- and CEL-valid', () => {
    // GIVEN an Envoy Gateway gateway and a GRPCS route trusting Secret web/internal-ca
    const { app, web } = fixture({ controller: IngressController.envoyGateway(), className: 'envoy' });
    new Route(web, 'G', { host: 'g.example.com', backend, options: { backendProtocol: BackendProtocol.GRPCS, backendCertificateAuthority: BackendCertificateAuthority.fromSecret('internal-ca') } });
    caObject(web, 'Secret');
    // WHEN
    const objs = synthApp(app);
    // THEN
    const [route] = ofKind(objs, 'GRPCRoute');
    expect(route.metadata.annotations?.[UNSUPPORTED]).toBeUndefined();
    expect(ofKind(objs, 'BackendTLSPolicy')[0].spec.validation).toStrictEqual({
      hostname: 'web.web.svc', caCertificateRefs: [{ group: '', kind: 'Secret', name: 'internal-ca' }],
    });
    expect(errorIds(app)).toStrictEqual([]);
  });

  it('Envoy Gateway reads ConfigMap and Secret CAs and the hostname: nothing unsupported', () => {
    const envoy = IngressController.envoyGateway().gatewayApi!;
    const target = { kind: 'HTTPRoute' as const, name: 'a', namespace: 'web' };
    expect(envoy.translateRouteOptions({ ...secretCa, backendTlsHostname: 'web.internal' }, target).unsupported).toStrictEqual([]);
    expect(envoy.translateRouteOptions(configMapCa, { ...target, kind: 'GRPCRoute' }).unsupported).toStrictEqual([]);
  });

  it('Traefik applies the CA and hostname to HTTPRoute backends only: a GRPCRoute reports them', () => {
    const traefik = IngressController.traefik().gatewayApi!;
    const grpcs: RouteOptions = { ...secretCa, backendProtocol: BackendProtocol.GRPCS, backendTlsHostname: 'web.internal' };
    expect(traefik.translateRouteOptions({ ...configMapCa, backendTlsHostname: 'web.internal' }, { kind: 'HTTPRoute', name: 'a', namespace: 'web' }).unsupported)
      .toStrictEqual([]);
    expect(traefik.translateRouteOptions(grpcs, { kind: 'GRPCRoute', name: 'a', namespace: 'web' }).unsupported)
      .toStrictEqual(['backendCertificateAuthority', 'backendTlsHostname']);
  });
});

describe('backend certificate verification on Ingress controllers', () => {
  const target = { namespace: 'web', serviceName: 'api' };

  it('writes the proxy-ssl annotations on the route\'s Ingress for an nginx gateway, with no finding', () => {
    // GIVEN an Ingress-API nginx gateway and an HTTPS route trusting Secret web/internal-ca for web.internal
    const { app, web } = fixture({ controller: IngressController.nginx(), className: 'nginx', api: RoutingApi.INGRESS });
    new Route(web, 'A', {
      host: 'a.example.com',
      backend,
      options: { backendProtocol: HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromSecret('internal-ca'), backendTlsHostname: 'web.internal' },
    });
    // WHEN (schema validated)
    const objs = synthApp(app);
    // THEN no BackendTLSPolicy, and the Ingress names the Secret in its namespace and the hostname
    expect(ofKind(objs, 'BackendTLSPolicy')).toHaveLength(0);
    const [ingress] = ofKind(objs, 'Ingress');
    expect(ingress.metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS',
      'nginx.ingress.kubernetes.io/proxy-ssl-secret': 'web/internal-ca',
      'nginx.ingress.kubernetes.io/proxy-ssl-verify': 'on',
      'nginx.ingress.kubernetes.io/proxy-ssl-name': 'web.internal',
      'nginx.ingress.kubernetes.io/proxy-ssl-server-name': 'on',
    });
    expect(errorIds(app)).toStrictEqual([]);
  });

  it('ingress-nginx verifies against the CA Secret for the Service DNS name, sent as SNI', () => {
    // GIVEN a Secret CA and no hostname
    const t = IngressController.nginx().translateRouteOptions({ backendProtocol: HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromSecret('internal-ca') }, target);
    // THEN
    expect(t.unsupported).toStrictEqual([]);
    expect(t.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/proxy-ssl-secret': 'web/internal-ca',
      'nginx.ingress.kubernetes.io/proxy-ssl-verify': 'on',
      'nginx.ingress.kubernetes.io/proxy-ssl-name': 'api.web.svc',
      'nginx.ingress.kubernetes.io/proxy-ssl-server-name': 'on',
    });
  });

  it('ingress-nginx reports what it can not verify with: a ConfigMap, the system CAs, a hostname without a CA Secret', () => {
    const nginx = IngressController.nginx();
    const unsupported = (options: RouteOptions) => nginx.translateRouteOptions({ backendProtocol: HTTPS, ...options }, target).unsupported;
    expect(unsupported({ backendCertificateAuthority: BackendCertificateAuthority.fromConfigMap('internal-ca') })).toStrictEqual(['backendCertificateAuthority']);
    expect(unsupported({ backendCertificateAuthority: BackendCertificateAuthority.systemCertificates() })).toStrictEqual(['backendCertificateAuthority']);
    expect(unsupported({ backendTlsHostname: 'api.internal' })).toStrictEqual(['backendTlsHostname']);
    expect(nginx.translateRouteOptions({ backendProtocol: HTTPS, backendTlsHostname: 'api.internal' }, target).annotations).not.toHaveProperty('nginx.ingress.kubernetes.io/proxy-ssl-name');
  });

  it('decides from the upstream facts: only ingress-nginx reads ca.crt of a named Secret and checks the name', () => {
    expect(verifiesBackendCertificates(INGRESS_NGINX_1_15_1.backendCertificateVerification)).toBe(true);
    // HAProxy reads tls.crt and checks no name; Traefik has no Ingress annotation for it.
    expect(HAPROXY_3_2_12.backendCertificateVerification).toMatchObject({ caObject: { key: 'tls.crt' }, checksHostname: false });
    expect(verifiesBackendCertificates(HAPROXY_3_2_12.backendCertificateVerification)).toBe(false);
    expect(verifiesBackendCertificates(TRAEFIK_3_7_11.backendCertificateVerification)).toBe(false);
  });

  it.each([
    ['haproxy', IngressController.haproxy()],
    ['traefik', IngressController.traefik()],
    ['aws-alb', IngressController.awsAlb()],
    ['gke', IngressController.gke()],
  ])('%s reports a backend CA and hostname as unsupported', (_name, controller) => {
    const t = controller.translateRouteOptions({ backendCertificateAuthority: BackendCertificateAuthority.fromSecret('internal-ca'), backendTlsHostname: 'api.internal' }, target);
    expect(t.unsupported).toEqual(expect.arrayContaining(['backendCertificateAuthority', 'backendTlsHostname']));
  });
});
