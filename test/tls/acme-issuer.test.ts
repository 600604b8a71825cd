import { Chart, Testing } from 'cdk8s';
import {
  AcmeIssuer, AcmeServer, CloudProvider, Dns01Solver, GatewayExposure, IngressClassGateway, IngressController, IssuerKind, Route, RouteBackend,
  RuleEngine, TlsCertificate,
} from '../../src';
import { inputErrors, ofKind, synthApp } from '../util/synth';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

function setup() {
  const app = Testing.app();
  const chart = new Chart(app, 'ingress');
  return { app, chart };
}

function issuerObject(objs: any[]): any {
  const issuers = [...ofKind(objs, 'ClusterIssuer'), ...ofKind(objs, 'Issuer')];
  expect(issuers).toHaveLength(1);
  return issuers[0];
}

describe('AcmeIssuer', () => {
  it('writes a Let\'s Encrypt production ClusterIssuer whose HTTP-01 solver uses the gateway\'s class', () => {
    // GIVEN an nginx gateway of class "public-web" serving the challenges
    const { app, chart } = setup();
    const gateway = new IngressClassGateway(chart, 'Gateway', { className: 'public-web', controller: IngressController.nginx() });
    const issuer = new AcmeIssuer(chart, 'LetsEncrypt', { email: 'ops@example.com', http01Gateways: [gateway] });
    // WHEN
    const obj = issuerObject(synthApp(app));
    // THEN
    expect(issuer.issuerKind).toBe(IssuerKind.CLUSTER_ISSUER);
    expect(obj).toStrictEqual({
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name: 'letsencrypt', labels: { 'app.kubernetes.io/managed-by': 'cdk8s-gateways' } },
      spec: {
        acme: {
          server: 'https://acme-v02.api.letsencrypt.org/directory',
          email: 'ops@example.com',
          privateKeySecretRef: { name: 'letsencrypt-account-key' },
          // ClusterIP: the controller routes to the solver pod's endpoints, so no node port is opened.
          solvers: [{ http01: { ingress: { ingressClassName: 'public-web', serviceType: 'ClusterIP' } } }],
        },
      },
    });
  });

  it('uses the staging endpoint and name for AcmeServer.LETS_ENCRYPT_STAGING', () => {
    // GIVEN staging
    const { app, chart } = setup();
    const gateway = new IngressClassGateway(chart, 'Gateway', { className: 'public-web', controller: IngressController.nginx() });
    new AcmeIssuer(chart, 'Staging', { server: AcmeServer.LETS_ENCRYPT_STAGING, email: 'ops@example.com', http01Gateways: [gateway] });
    // WHEN
    const obj = issuerObject(synthApp(app));
    // THEN
    expect(obj.metadata.name).toBe('letsencrypt-staging');
    expect(obj.spec.acme.server).toBe('https://acme-staging-v02.api.letsencrypt.org/directory');
    expect(obj.spec.acme.privateKeySecretRef).toStrictEqual({ name: 'letsencrypt-staging-account-key' });
  });

  it('writes a namespaced Issuer when a namespace is given', () => {
    // GIVEN namespace "shop" and a custom account key secret
    const { app, chart } = setup();
    const issuer = new AcmeIssuer(chart, 'Shop', {
      namespace: 'shop', email: 'ops@example.com', accountKeySecretName: 'acme-account', dns01Solvers: [Dns01Solver.route53({ region: 'eu-west-1' })],
    });
    // WHEN
    const obj = issuerObject(synthApp(app));
    // THEN
    expect(issuer.issuerKind).toBe(IssuerKind.ISSUER);
    expect(issuer.issuerNamespace).toBe('shop');
    expect(obj).toMatchObject({ kind: 'Issuer', metadata: { name: 'letsencrypt', namespace: 'shop' } });
    expect(obj.spec.acme.privateKeySecretRef).toStrictEqual({ name: 'acme-account' });
  });

  it('puts HTTP-01 challenges of a GKE gateway on the class annotation and leaves the Service type to cert-manager', () => {
    // GIVEN a GKE gateway (GKE reads the legacy class annotation, and routes to node ports)
    const { app, chart } = setup();
    const gateway = new IngressClassGateway(chart, 'Gke', { className: 'gke', controller: IngressController.gke() });
    new AcmeIssuer(chart, 'LetsEncrypt', { email: 'ops@example.com', http01Gateways: [gateway] });
    // WHEN
    const obj = issuerObject(synthApp(app));
    // THEN
    expect(obj.spec.acme.solvers).toStrictEqual([{ http01: { ingress: { class: 'gce' } } }]);
  });

  it('selects each gateway\'s HTTP-01 solver by the hosts of its routes when several gateways serve challenges', () => {
    // GIVEN two gateways with routes, and a DNS-01 solver for wildcards
    const { app, chart } = setup();
    const web = new IngressClassGateway(chart, 'Web', { className: 'web', controller: IngressController.traefik() });
    const api = new IngressClassGateway(chart, 'Api', {
      className: 'api', controller: IngressController.haproxy(), exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS),
    });
    const issuer = new AcmeIssuer(chart, 'LetsEncrypt', { email: 'ops@example.com', dns01Solvers: [Dns01Solver.cloudflare({ apiTokenSecretName: 'cloudflare' })] });
    issuer.addHttp01Gateway(web);
    issuer.addHttp01Gateway(api);
    issuer.addHttp01Gateway(web);
    const apps = new Chart(app, 'apps', { namespace: 'apps' });
    const backend = RouteBackend.fromServiceName('app', { port: 80 });
    new Route(apps, 'Www', { gateway: web, host: 'www.example.com', backend });
    new Route(apps, 'Shop', { gateway: web, host: 'shop.example.com', backend });
    new Route(apps, 'Api', { gateway: api, host: 'api.example.com', backend });
    // WHEN
    const obj = issuerObject(synthApp(app));
    // THEN one solver per gateway, its routes' hosts sorted, then DNS-01
    expect(issuer.http01Gateways).toStrictEqual([web, api]);
    expect(obj.spec.acme.solvers).toStrictEqual([
      { selector: { dnsNames: ['shop.example.com', 'www.example.com'] }, http01: { ingress: { ingressClassName: 'web', serviceType: 'ClusterIP' } } },
      { selector: { dnsNames: ['api.example.com'] }, http01: { ingress: { ingressClassName: 'api', serviceType: 'ClusterIP' } } },
      { dns01: { cloudflare: { apiTokenSecretRef: { name: 'cloudflare', key: 'api-token' } } } },
    ]);
  });

  it('writes schema-valid DNS-01 solvers for Route 53, Cloudflare, Cloud DNS, Azure DNS and webhooks', () => {
    // GIVEN one of each, two with zone selectors
    const { app, chart } = setup();
    new AcmeIssuer(chart, 'Dns', {
      name: 'dns',
      email: 'ops@example.com',
      dns01Solvers: [
        Dns01Solver.route53({ region: 'eu-west-1', hostedZoneId: 'Z123', role: 'arn:aws:iam::123456789012:role/cert-manager', dnsZones: ['example.com'] }),
        Dns01Solver.cloudflare({ apiTokenSecretName: 'cf', apiTokenSecretKey: 'token' }),
        Dns01Solver.cloudDns({ project: 'my-project', serviceAccountSecretName: 'clouddns' }),
        Dns01Solver.azureDns({ subscriptionId: 'sub', resourceGroupName: 'dns', hostedZoneName: 'example.net', managedIdentityClientId: 'client', dnsZones: ['example.net'] }),
        Dns01Solver.webhook({ groupName: 'acme.example.com', solverName: 'mydns', config: { apiUrl: 'https://dns.example.com' } }),
      ],
    });
    // WHEN (synthApp validates against the ClusterIssuer CRD schema)
    const obj = issuerObject(synthApp(app));
    // THEN
    expect(obj.spec.acme.solvers).toStrictEqual([
      { dns01: { route53: { region: 'eu-west-1', hostedZoneID: 'Z123', role: 'arn:aws:iam::123456789012:role/cert-manager' } }, selector: { dnsZones: ['example.com'] } },
      { dns01: { cloudflare: { apiTokenSecretRef: { name: 'cf', key: 'token' } } } },
      { dns01: { cloudDNS: { project: 'my-project', serviceAccountSecretRef: { name: 'clouddns', key: 'key.json' } } } },
      { dns01: { azureDNS: { subscriptionID: 'sub', resourceGroupName: 'dns', hostedZoneName: 'example.net', managedIdentity: { clientID: 'client' } } }, selector: { dnsZones: ['example.net'] } },
      { dns01: { webhook: { groupName: 'acme.example.com', solverName: 'mydns', config: { apiUrl: 'https://dns.example.com' } } } },
    ]);
  });

  it('fails synth when the issuer has no solver at all', () => {
    // GIVEN an ACME issuer that no gateway uses and that has no DNS-01 solver
    const { app, chart } = setup();
    new AcmeIssuer(chart, 'LetsEncrypt', { email: 'ops@example.com' });
    // THEN
    expect(() => synthApp(app)).toThrow(/ACME issuer "letsencrypt" has no challenge solver/);
  });

  it('refuses an email that is not an address, and a custom server without a name', () => {
    // GIVEN
    const { app, chart } = setup();
    // WHEN
    new AcmeIssuer(chart, 'A', { email: 'ops', dns01Solvers: [Dns01Solver.route53()] });
    new AcmeIssuer(chart, 'B', { email: 'ops@example.com', server: AcmeServer.fromUrl('https://acme.zerossl.com/v2/DV90'), dns01Solvers: [Dns01Solver.route53()] });
    // THEN both are reported in one synth
    expect(inputErrors(app)).toStrictEqual([
      { constructPath: 'ingress/A', field: 'email', value: '"ops"', message: 'is not an email address; give the ACME account contact, such as "ops@example.com"' },
      {
        constructPath: 'ingress/B',
        field: 'name',
        value: '(unset)',
        message: 'give a name for an issuer of https://acme.zerossl.com/v2/DV90 (a DNS-1123 subdomain such as "zerossl")',
      },
    ]);
    expect(() => synthApp(app)).toThrow(/CG-INPUT-001 at ingress\/A\n    email = "ops"[\s\S]*CG-INPUT-001 at ingress\/B\n    name = \(unset\)/);
  });

  it('reports a server URL that is not https:// on the issuer that uses it, instead of throwing in the factory', () => {
    // GIVEN
    const { app, chart } = setup();
    // WHEN
    const server = AcmeServer.fromUrl('http://acme.example.com/directory');
    new AcmeIssuer(chart, 'A', { name: 'private-acme', email: 'ops@example.com', server, dns01Solvers: [Dns01Solver.route53()] });
    // THEN
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'ingress/A',
      field: 'server',
      value: '"http://acme.example.com/directory"',
      message: 'is not an ACME directory URL; give an https:// URL such as "https://acme.zerossl.com/v2/DV90"',
    }]);
  });

  it('reports an issuer without any challenge solver as CG-INPUT-001 with the other findings', () => {
    // GIVEN an issuer used by no gateway and without DNS-01 solvers
    const { app, chart } = setup();
    new AcmeIssuer(chart, 'A', { email: 'ops@example.com' });
    // THEN
    expect(inputErrors(app).map((e) => [e.constructPath, e.field])).toStrictEqual([['ingress/A', 'solvers']]);
  });

  it('is checked by the ACME rules at synth (a wildcard needs DNS-01)', () => {
    // GIVEN an HTTP-01-only issuer and a route to a wildcard host, with a certificate from it
    const { app, chart } = setup();
    const gateway = new IngressClassGateway(chart, 'Gateway', { className: 'public-web', controller: IngressController.nginx(), defaultClass: true });
    const issuer = new AcmeIssuer(chart, 'LetsEncrypt', { email: 'ops@example.com', http01Gateways: [gateway] });
    const apps = new Chart(app, 'apps', { namespace: 'apps' });
    new Route(apps, 'Wild', { gateway, host: '*.example.com', backend: RouteBackend.fromServiceName('app', { port: 80 }), tlsSecretName: 'wild-tls' });
    new TlsCertificate(apps, 'Cert', { secretName: 'wild-tls', dnsNames: ['*.example.com'], issuer });
    // WHEN
    const errors = RuleEngine.of(app).run().errors.map((f) => f.ruleId);
    // THEN
    expect(errors).toStrictEqual(['CG-TLS-007']);
  });
});
