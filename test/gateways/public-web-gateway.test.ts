import { App, Chart, Duration, Size, Testing } from 'cdk8s';
import { build } from '../../examples/public-web/main';
import {
  HAPROXY_JSON_ACCESS_LOG,
  AcmeIssuer, CloudProvider, Dns01Solver, GatewayExposure, IIngressController, IngressController, IssuerRef, PrivateKey, PublicWebGateway,
  PublicWebGatewayProps, Route, RouteBackend, RuleEngine, Suppressions,
} from '../../src';
import { inputErrors, ofKind, synthApp } from '../util/synth';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

const PROFILE = 'gateways.cdk8s.io/profile';
const UNSUPPORTED = 'gateways.cdk8s.io/public-web-unsupported';
const backend = RouteBackend.fromServiceName('web', { port: 80 });

interface Fixture {
  readonly app: App;
  readonly infra: Chart;
  readonly web: Chart;
  readonly issuer: AcmeIssuer;
  readonly gateway: PublicWebGateway;
}

/** Chart "ingress" with a Let's Encrypt issuer and a public-web gateway of class "public-web"; chart "web" (namespace web) for routes. */
function fixture(controller: IIngressController = IngressController.nginx(), props: Partial<PublicWebGatewayProps> = {}): Fixture {
  const app = Testing.app();
  const infra = new Chart(app, 'ingress');
  const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com' });
  const gateway = new PublicWebGateway(infra, 'Gateway', { className: 'public-web', controller, issuer, ...props });
  const web = new Chart(app, 'web', { namespace: 'web' });
  return { app, infra, web, issuer, gateway };
}

function configMap(objs: any[]): any {
  const maps = ofKind(objs, 'ConfigMap').filter((c) => c.metadata.name === 'public-web-controller');
  expect(maps).toHaveLength(1);
  return maps[0];
}

function controllerArgs(objs: any[]): string[] {
  const [deployment] = ofKind(objs, 'Deployment');
  return deployment.spec.template.spec.containers[0].args;
}

function ruleIds(app: App, severity: 'errors' | 'warnings' = 'errors'): string[] {
  return RuleEngine.of(app).run()[severity].map((f) => f.ruleId);
}

describe('PublicWebGateway certificates', () => {
  it('creates one Certificate per TLS secret, in the route namespace, for exactly the route host, from the gateway issuer', () => {
    // GIVEN two routes of www.example.com sharing a secret, and one of shop.example.com
    const { app, web, gateway } = fixture();
    new Route(web, 'Www', { gateway, host: 'www.example.com', backend, tlsSecretName: 'www-tls' });
    new Route(web, 'WwwApi', { gateway, host: 'www.example.com', path: '/api', backend, tlsSecretName: 'www-tls' });
    new Route(web, 'Shop', { gateway, host: 'shop.example.com', backend, tlsSecretName: 'shop-tls' });
    // WHEN
    const objs = synthApp(app);
    // THEN
    const certs = ofKind(objs, 'Certificate');
    expect(certs.map((c) => [c.metadata.namespace, c.metadata.name, c.spec.secretName, c.spec.dnsNames])).toStrictEqual([
      ['web', 'www-tls', 'www-tls', ['www.example.com']],
      ['web', 'shop-tls', 'shop-tls', ['shop.example.com']],
    ]);
    expect(certs[0].spec).toMatchObject({
      issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer', group: 'cert-manager.io' },
      privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
      duration: '2160h',
      renewBefore: '720h',
    });
    expect(gateway.certificates.map((c) => c.secretName)).toStrictEqual(['www-tls', 'shop-tls']);
    // AND the Ingresses reference those secrets for the same hosts
    expect(ofKind(objs, 'Ingress').map((i) => i.spec.tls)).toStrictEqual([
      [{ hosts: ['www.example.com'], secretName: 'www-tls' }],
      [{ hosts: ['www.example.com'], secretName: 'www-tls' }],
      [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
    ]);
    expect(ruleIds(app)).toStrictEqual([]);
  });

  it('places the Certificate in the backend namespace when the route names one', () => {
    // GIVEN a backend in "shop" routed from a chart without namespace
    const { app, gateway } = fixture();
    const shared = new Chart(app, 'shared');
    new Route(shared, 'Shop', { gateway, host: 'shop.example.com', backend: RouteBackend.fromServiceName('shop', { port: 80, namespace: 'shop' }), tlsSecretName: 'shop-tls' });
    // WHEN
    const [cert] = ofKind(synthApp(app), 'Certificate');
    // THEN
    expect(cert.metadata.namespace).toBe('shop');
  });

  it('takes the certificate key and lifetime from the gateway', () => {
    // GIVEN RSA 2048 and 60-day certificates
    const { app, web, gateway } = fixture(IngressController.nginx(), {
      certificates: { privateKey: PrivateKey.rsa(2048), duration: Duration.days(60), renewBefore: Duration.days(20) },
    });
    new Route(web, 'Www', { gateway, host: 'www.example.com', backend, tlsSecretName: 'www-tls' });
    // WHEN
    const [cert] = ofKind(synthApp(app), 'Certificate');
    // THEN
    expect(cert.spec).toMatchObject({ privateKey: { algorithm: 'RSA', size: 2048 }, duration: '1440h', renewBefore: '480h' });
  });

  it('issues certificates to routes declared before it, when it becomes their default gateway', () => {
    // GIVEN a route without gateway, then a default public-web gateway
    const app = Testing.app();
    const web = new Chart(app, 'web', { namespace: 'web' });
    new Route(web, 'Www', { host: 'www.example.com', backend, tlsSecretName: 'www-tls' });
    const infra = new Chart(app, 'ingress');
    const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com' });
    new PublicWebGateway(infra, 'Gateway', { className: 'public-web', controller: IngressController.nginx(), issuer, defaultClass: true });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'Certificate').map((c) => c.spec.dnsNames)).toStrictEqual([['www.example.com']]);
    expect(ofKind(objs, 'Ingress')[0].spec.ingressClassName).toBe('public-web');
  });

  it('registers itself as the HTTP-01 solver of its ACME issuer', () => {
    // GIVEN the fixture
    const { app, web, gateway, issuer } = fixture();
    new Route(web, 'Www', { gateway, host: 'www.example.com', backend, tlsSecretName: 'www-tls' });
    // WHEN
    const [clusterIssuer] = ofKind(synthApp(app), 'ClusterIssuer');
    // THEN
    expect(issuer.http01Gateways).toStrictEqual([gateway]);
    expect(clusterIssuer.spec.acme.solvers).toStrictEqual([{ http01: { ingress: { ingressClassName: 'public-web', serviceType: 'ClusterIP' } } }]);
  });

  it('leaves a DNS-01-only issuer alone with solveHttp01: false', () => {
    // GIVEN an issuer with a DNS-01 solver and solveHttp01 off
    const app = Testing.app();
    const infra = new Chart(app, 'ingress');
    const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com', dns01Solvers: [Dns01Solver.route53()] });
    new PublicWebGateway(infra, 'Gateway', { className: 'public-web', controller: IngressController.nginx(), issuer, solveHttp01: false });
    // WHEN
    const [clusterIssuer] = ofKind(synthApp(app), 'ClusterIssuer');
    // THEN
    expect(clusterIssuer.spec.acme.solvers).toStrictEqual([{ dns01: { route53: {} } }]);
  });

  it('uses an issuer that exists outside the app', () => {
    // GIVEN an existing ClusterIssuer
    const app = Testing.app();
    const gateway = new PublicWebGateway(new Chart(app, 'ingress'), 'Gateway', {
      className: 'public-web', controller: IngressController.nginx(), issuer: IssuerRef.clusterIssuer('corp-acme'),
    });
    new Route(new Chart(app, 'web', { namespace: 'web' }), 'Www', { gateway, host: 'www.example.com', backend, tlsSecretName: 'www-tls' });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'ClusterIssuer')).toStrictEqual([]);
    expect(ofKind(objs, 'Certificate')[0].spec.issuerRef).toStrictEqual({ name: 'corp-acme', kind: 'ClusterIssuer', group: 'cert-manager.io' });
  });

  it('reports a route that shares a secret for another host (CG-TLS-008, CG-TLS-009)', () => {
    // GIVEN www and shop on one secret
    const { app, web, gateway } = fixture();
    new Route(web, 'Www', { gateway, host: 'www.example.com', backend, tlsSecretName: 'site-tls' });
    new Route(web, 'Shop', { gateway, host: 'shop.example.com', backend, tlsSecretName: 'site-tls' });
    // THEN
    expect(ruleIds(app)).toStrictEqual(['CG-TLS-008', 'CG-TLS-009']);
  });
});

describe('PublicWebGateway TLS on every route', () => {
  it('fails synth for a route without TLS (CG-TLS-011)', () => {
    // GIVEN a plain-HTTP route
    const { app, web, gateway } = fixture();
    new Route(web, 'Plain', { gateway, host: 'www.example.com', backend });
    // THEN
    expect(ruleIds(app)).toStrictEqual(['CG-TLS-011']);
    expect(() => synthApp(app)).toThrow(/error CG-TLS-011 Ingress web\/\S+ at web\/Plain\/Resource[\s\S]*www\.example\.com would be served over plain HTTP on public-web class "public-web"/);
  });

  it('accepts a route without TLS that is suppressed with a reason', () => {
    // GIVEN the suppression on the route
    const { app, web, gateway } = fixture();
    const route = new Route(web, 'Plain', { gateway, host: 'legacy.example.com', backend });
    Suppressions.of(route).add('CG-TLS-011', 'legacy firmware fetches updates over plain HTTP only');
    // WHEN
    const objs = synthApp(app);
    // THEN no certificate, and the reason is in the manifest
    expect(ofKind(objs, 'Certificate')).toStrictEqual([]);
    expect(ofKind(objs, 'Ingress')[0].metadata.annotations['suppress.gateways.cdk8s.io/CG-TLS-011']).toBe('legacy firmware fetches updates over plain HTTP only');
  });

  it('marks its IngressClass as public-web', () => {
    // GIVEN nginx, which applies all hardening
    const { app } = fixture();
    // WHEN
    const [cls] = ofKind(synthApp(app), 'IngressClass');
    // THEN
    expect(cls.metadata.annotations).toStrictEqual({ [PROFILE]: 'public-web' });
  });

  it('is exposed by a public load balancer and refuses an internal one', () => {
    // GIVEN the default exposure
    const { app, gateway } = fixture();
    const service = ofKind(synthApp(app), 'Service').find((s) => s.metadata.name === 'public-web-controller');
    // THEN
    expect(gateway.exposure.internal).toBe(false);
    expect(service.spec.type).toBe('LoadBalancer');
    // AND an internal one is reported
    const internal = fixture(IngressController.nginx(), { exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS) }).app;
    expect(inputErrors(internal)).toStrictEqual([{
      constructPath: 'ingress/Gateway',
      field: 'exposure',
      value: '"internal load balancer (aws)"',
      message: 'a public web gateway is internet-facing: use GatewayExposure.publicLoadBalancer() (or no exposure), or an IngressClassGateway for an internal gateway',
    }]);
    expect(() => synthApp(internal)).toThrow(/CG-INPUT-001 at ingress\/Gateway\n    exposure = "internal load balancer \(aws\)"/);
  });

  it('refuses HSTS preload without includeSubdomains and a year of max-age', () => {
    // THEN
    const message = 'HSTS preload needs includeSubdomains and a max-age of at least one year (31536000 s)';
    const noSubdomains = fixture(IngressController.nginx(), { hsts: { preload: true } }).app;
    expect(inputErrors(noSubdomains)).toStrictEqual([{
      constructPath: 'ingress/Gateway', field: 'hsts', value: '{"preload":true,"includeSubdomains":false,"maxAgeSeconds":31536000}', message,
    }]);
    expect(() => synthApp(noSubdomains)).toThrow(/CG-INPUT-001 at ingress\/Gateway\n    hsts = /);
    const shortMaxAge = fixture(IngressController.nginx(), { hsts: { preload: true, includeSubdomains: true, maxAge: Duration.days(30) } }).app;
    expect(inputErrors(shortMaxAge)).toStrictEqual([{
      constructPath: 'ingress/Gateway', field: 'hsts', value: '{"preload":true,"includeSubdomains":true,"maxAgeSeconds":2592000}', message,
    }]);
  });

  it('refuses a controller profile without public-web hardening', () => {
    // GIVEN a custom profile that implements only the required members
    const custom: IIngressController = {
      name: 'custom',
      deploy: () => ({ controllerValue: 'example.com/custom' }),
      translateRouteOptions: () => ({ annotations: {}, unsupported: [] }),
    };
    // THEN
    const { app } = fixture(custom);
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'ingress/Gateway',
      field: 'controller',
      value: '"custom"',
      message: 'the controller profile can not redirect to HTTPS or send HSTS (it has no hardenForPublicWeb); '
        + 'use IngressController.nginx(), traefik(), haproxy() or azureApplicationGateway()',
    }]);
    expect(() => synthApp(app)).toThrow(/CG-INPUT-001 at ingress\/Gateway\n    controller = "custom"/);
  });
});

describe('PublicWebGateway hardening per controller', () => {
  it('ingress-nginx: redirect, HSTS, body size and timeouts in the ConfigMap', () => {
    // GIVEN nginx with a send timeout and HSTS for subdomains
    const { app, gateway } = fixture(IngressController.nginx(), { sendTimeout: Duration.seconds(30), hsts: { includeSubdomains: true } });
    // WHEN
    const cm = configMap(synthApp(app));
    // THEN
    expect(cm.data).toMatchObject({
      'ssl-redirect': 'true',
      'force-ssl-redirect': 'true',
      'hsts': 'true',
      'hsts-max-age': '31536000',
      'hsts-include-subdomains': 'true',
      'hsts-preload': 'false',
      'proxy-body-size': '8m',
      'proxy-connect-timeout': '5',
      'proxy-read-timeout': '60',
      'proxy-send-timeout': '30',
      // The profile's security defaults stay.
      'allow-snippet-annotations': 'false',
    });
    expect(gateway.unsupportedHardening).toStrictEqual([]);
  });

  it('ingress-nginx: writes a body size that is not whole mebibytes in kibibytes, and lets config override', () => {
    // GIVEN 1.5 MiB and an explicit override of the read timeout
    const { app } = fixture(IngressController.nginx({ config: { 'proxy-read-timeout': '120' } }), { maxRequestBodySize: Size.kibibytes(1536) });
    // WHEN
    const cm = configMap(synthApp(app));
    // THEN
    expect(cm.data['proxy-body-size']).toBe('1536k');
    expect(cm.data['proxy-read-timeout']).toBe('120');
  });

  it('Traefik: entry-point redirect, HSTS from a file-provider middleware, forwarding timeouts; the body size is reported', () => {
    // GIVEN Traefik
    const { app, gateway } = fixture(IngressController.traefik());
    // WHEN
    const objs = synthApp(app);
    // THEN the redirect targets the published HTTPS port
    const args = controllerArgs(objs);
    expect(args).toEqual(expect.arrayContaining([
      '--entryPoints.web.http.redirections.entryPoint.to=:443',
      '--entryPoints.web.http.redirections.entryPoint.scheme=https',
      '--entryPoints.web.http.redirections.entryPoint.permanent=true',
      '--providers.file.directory=/etc/traefik/dynamic',
      '--providers.file.watch=true',
      '--entryPoints.websecure.http.middlewares=public-web-hsts@file',
      '--serversTransport.forwardingTimeouts.dialTimeout=5s',
      '--serversTransport.forwardingTimeouts.responseHeaderTimeout=60s',
    ]));
    // AND the middleware is in a ConfigMap mounted read-only where the file provider reads
    const dynamic = ofKind(objs, 'ConfigMap').find((c) => c.metadata.name === 'public-web-controller-dynamic');
    expect(dynamic.data['public-web.yaml']).toBe('http:\n  middlewares:\n    public-web-hsts:\n      headers:\n        stsSeconds: 31536000\n        stsIncludeSubdomains: false\n        stsPreload: false\n');
    const pod = ofKind(objs, 'Deployment')[0].spec.template.spec;
    expect(pod.volumes).toContainEqual({ name: 'dynamic', configMap: { name: 'public-web-controller-dynamic' } });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'dynamic', mountPath: '/etc/traefik/dynamic', readOnly: true });
    // AND the body size limit, which Traefik has only in its buffering middleware, is recorded and warned about
    expect(gateway.unsupportedHardening).toStrictEqual(['maxRequestBodySize']);
    expect(ofKind(objs, 'IngressClass')[0].metadata.annotations[UNSUPPORTED]).toBe('maxRequestBodySize');
    expect(ruleIds(app)).toStrictEqual([]);
    expect(ruleIds(app, 'warnings')).toStrictEqual(['CG-TLS-013']);
  });

  it('Traefik: records a send timeout, which it does not have', () => {
    // GIVEN a send timeout
    const { gateway } = fixture(IngressController.traefik(), { sendTimeout: Duration.seconds(30) });
    // THEN
    expect(gateway.unsupportedHardening).toStrictEqual(['maxRequestBodySize', 'sendTimeout']);
  });

  it('HAProxy: redirect with 301, HSTS as a response header, timeouts in the ConfigMap; the body size is reported', () => {
    // GIVEN HAProxy with HSTS preload
    const { app, gateway } = fixture(IngressController.haproxy(), { hsts: { includeSubdomains: true, preload: true, maxAge: Duration.days(730) } });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(configMap(objs).data).toStrictEqual({
      'response-set-header': 'Strict-Transport-Security "max-age=63072000; includeSubDomains; preload"',
      'ssl-redirect': 'true',
      'ssl-redirect-code': '301',
      'ssl-redirect-port': '443',
      'timeout-connect': '5s',
      'timeout-server': '60s',
      'syslog-server': 'address:stdout, format:raw, facility:daemon',
      'log-format': HAPROXY_JSON_ACCESS_LOG,
    });
    expect(gateway.unsupportedHardening).toStrictEqual(['maxRequestBodySize']);
    expect(ruleIds(app, 'warnings')).toStrictEqual(['CG-TLS-013']);
  });

  it('HAProxy: a send timeout equal to the read timeout is applied by timeout-server', () => {
    // GIVEN equal read and send timeouts, then different ones
    expect(fixture(IngressController.haproxy(), { sendTimeout: Duration.seconds(60) }).gateway.unsupportedHardening).toStrictEqual(['maxRequestBodySize']);
    expect(fixture(IngressController.haproxy(), { sendTimeout: Duration.seconds(10) }).gateway.unsupportedHardening).toStrictEqual(['maxRequestBodySize', 'sendTimeout']);
  });

  it('Azure AGIC: refuses an installation-owned IngressClass, where the hardening gaps could not be recorded', () => {
    // GIVEN the AKS add-on's own class
    const { app } = fixture(IngressController.azureApplicationGateway({ className: 'public-web', installationOwnsIngressClass: true }));
    // THEN
    expect(inputErrors(app).map((e) => [e.constructPath, e.field])).toStrictEqual([['ingress/Gateway', 'controller']]);
  });

  it('Azure AGIC: records the profile on the IngressClass it emits', () => {
    // GIVEN the default (the gateway emits the class)
    const { gateway } = fixture(IngressController.azureApplicationGateway({ className: 'public-web' }));
    // THEN
    expect(gateway.ingressClass?.toJson().metadata.annotations['gateways.cdk8s.io/profile']).toBe('public-web');
  });

  it('Azure AGIC: redirect and request timeout on every route; missing HSTS fails synth (CG-TLS-012) until suppressed', () => {
    // GIVEN an AGIC public-web gateway with one route
    const { app, web, gateway } = fixture(IngressController.azureApplicationGateway({ className: 'public-web' }));
    new Route(web, 'Www', { gateway, host: 'www.example.com', backend, tlsSecretName: 'www-tls' });
    // THEN HSTS, body size and connect timeout are reported
    expect(gateway.unsupportedHardening).toStrictEqual(['hsts', 'maxRequestBodySize', 'connectTimeout']);
    expect(ruleIds(app)).toStrictEqual(['CG-TLS-012']);
    // WHEN the gap is accepted with the reason
    Suppressions.of(gateway).add('CG-TLS-012', 'Azure Front Door adds Strict-Transport-Security');
    const objs = synthApp(app);
    // THEN the routes carry the redirect and timeout
    expect(ofKind(objs, 'Ingress')[0].metadata.annotations).toStrictEqual({
      'appgw.ingress.kubernetes.io/ssl-redirect': 'true',
      'appgw.ingress.kubernetes.io/request-timeout': '60',
    });
  });

  it('AWS ALB and GKE are refused with the reason', () => {
    // THEN
    const alb = fixture(IngressController.awsAlb()).app;
    expect(inputErrors(alb)).toStrictEqual([expect.objectContaining({ constructPath: 'ingress/Gateway', field: 'controller', value: '"aws-load-balancer-controller"' })]);
    expect(inputErrors(alb)[0].message).toMatch(/^AWS ALB terminates TLS with ACM certificates and ignores Ingress TLS secrets/);
    expect(() => synthApp(alb)).toThrow(/CG-INPUT-001 at ingress\/Gateway/);
    const gke = fixture(IngressController.gke()).app;
    expect(inputErrors(gke)).toStrictEqual([expect.objectContaining({ constructPath: 'ingress/Gateway', field: 'controller', value: '"gke-ingress"' })]);
    expect(inputErrors(gke)[0].message).toMatch(/^GKE Ingress redirects HTTP to HTTPS only with a FrontendConfig/);
  });

  it('route options still override the gateway limits per route', () => {
    // GIVEN a route with its own body size
    const { app, web, gateway } = fixture();
    new Route(web, 'Upload', { gateway, host: 'upload.example.com', backend, tlsSecretName: 'upload-tls', options: { maxRequestBodySize: Size.mebibytes(100) } });
    // WHEN
    const [ingress] = ofKind(synthApp(app), 'Ingress');
    // THEN
    expect(ingress.metadata.annotations).toStrictEqual({ 'nginx.ingress.kubernetes.io/proxy-body-size': '100m' });
  });
});

describe('examples/public-web', () => {
  it('monitors the gateway: a ServiceMonitor, alerts with the example\'s thresholds, certificate alerts for the web namespace', () => {
    // GIVEN the example
    const objs = synthApp(build(Testing.app()));
    // THEN
    expect(ofKind(objs, 'ServiceMonitor').map((m) => m.spec.endpoints[0].port)).toStrictEqual(['metrics']);
    const rules = ofKind(objs, 'PrometheusRule')[0].spec.groups[0].rules;
    expect(rules.find((r: any) => r.alert === 'GatewayHighErrorRatio').expr).toMatch(/ > 0\.02$/);
    expect(rules.find((r: any) => r.alert === 'GatewayCertificateExpiringSoon').expr)
      .toBe('min by (namespace, name) (label_replace(certmanager_certificate_expiration_timestamp_seconds{exported_namespace=~"web"}'
        + ' or certmanager_certificate_expiration_timestamp_seconds{exported_namespace="", namespace=~"web"},'
        + ' "namespace", "$1", "exported_namespace", "(.+)")) - time() < 1814400');
  });

  it('synthesizes the Let\'s Encrypt ClusterIssuer, one Certificate per TLS secret with matching dnsNames, and the Ingresses that use them', () => {
    // GIVEN the example
    const app = build(Testing.app());
    // WHEN
    const objs = synthApp(app);
    // THEN the issuer solves HTTP-01 through the gateway's class
    const [issuer] = ofKind(objs, 'ClusterIssuer');
    expect(issuer.metadata.name).toBe('letsencrypt');
    expect(issuer.spec.acme.solvers).toStrictEqual([{ http01: { ingress: { ingressClassName: 'public-web', serviceType: 'ClusterIP' } } }]);
    // AND every TLS secret of every Ingress has exactly one Certificate, in its namespace, for exactly its hosts
    const certs = ofKind(objs, 'Certificate');
    const tlsEntries = ofKind(objs, 'Ingress').flatMap((i) => i.spec.tls.map((t: any) => ({ namespace: i.metadata.namespace, ...t })));
    const secrets = [...new Set(tlsEntries.map((t) => `${t.namespace}/${t.secretName}`))];
    expect(secrets).toStrictEqual(['web/www-example-com-tls', 'web/shop-example-com-tls']);
    expect(certs.map((c) => `${c.metadata.namespace}/${c.spec.secretName}`)).toStrictEqual(secrets);
    for (const entry of tlsEntries) {
      const cert = certs.find((c) => c.metadata.namespace === entry.namespace && c.spec.secretName === entry.secretName);
      expect(cert.spec.dnsNames).toStrictEqual(entry.hosts);
      expect(cert.spec.issuerRef).toStrictEqual({ name: 'letsencrypt', kind: 'ClusterIssuer', group: 'cert-manager.io' });
    }
    // AND only the retired-controller warning remains
    expect(RuleEngine.of(app).run().findings.map((f) => f.ruleId)).toStrictEqual(['CG-CONTROLLER-003']);
  });
});
