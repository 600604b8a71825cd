/**
 * Valid inputs at the edge of what the API server and cert-manager accept: none of them may be rejected.
 */
import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AcmeIssuer, ApiServerAccess, CaIssuer, Dns01Solver, GatewayExposure, IngressClassGateway, IngressController, PathType, PrivateKey,
  PublicWebGateway, RouteBackend, RuleEngine, Tenant, TlsCertificate,
} from '../../src';
import { quietStderr } from '../tenancy/tenant-test-utils';
import { synthApp } from '../util/synth';

quietStderr();

const HOST_253 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
const NAME_63 = `t${'x'.repeat(62)}`;

describe('valid edge cases', () => {
  it('accepts wildcard and 253-character hosts, regex paths, 63-character names, IPv6 ranges, 1h/5m certificates, RSA 8192 and ECDSA 521', () => {
    // GIVEN an app with every edge case
    const app = Testing.app();
    const tls = new Chart(app, 'tls');
    const acme = new AcmeIssuer(tls, 'Acme', { email: 'ops@example.com', dns01Solvers: [Dns01Solver.cloudflare({ apiTokenSecretName: 'cloudflare' })] });
    const gateway = new PublicWebGateway(new Chart(app, 'ingress'), 'Gateway', {
      className: 'web.public',
      controller: IngressController.nginx(),
      issuer: acme,
      exposure: GatewayExposure.publicLoadBalancer({ sourceRanges: ['0.0.0.0/0', '::/0'], loadBalancerClass: 'example.com/lb' }),
      allowedSourceCidrs: ['10.0.0.0/8', '2001:db8::/32', '::ffff:10.0.0.0/104'],
      apiServerAccess: ApiServerAccess.fromCidrs(['fd00::1/128', '10.0.0.1/32']),
    });
    const tenant = new Tenant(app, NAME_63, { hosts: ['*.example.com', HOST_253], gateways: [gateway] });
    const service = new kplus.Service(tenant, 'Web', { ports: [{ port: 80, targetPort: 8080 }] });
    service.selectLabel('app', 'web');
    tenant.addRoute('Wildcard', { host: '*.example.com', backend: RouteBackend.fromService(service), tlsSecretName: 'wildcard-example-com-tls' });
    tenant.addRoute('Long', {
      host: HOST_253,
      path: '/api/v[0-9]+/(.*)',
      pathType: PathType.IMPLEMENTATION_SPECIFIC,
      backend: RouteBackend.fromService(service),
      tlsSecretName: 'long-tls',
      options: { allowedSourceRanges: ['2001:db8::/32'] },
    });
    const internal = new CaIssuer(tls, 'Ca', { name: 'internal-ca', secretName: 'internal-ca-key' });
    const certs = new Chart(app, 'certs', { namespace: 'web' });
    new TlsCertificate(certs, 'Short', {
      secretName: 'short-lived',
      dnsNames: ['short.example.com'],
      issuer: internal,
      duration: Duration.hours(1),
      renewBefore: Duration.minutes(5),
      privateKey: PrivateKey.rsa(8192),
      ipAddresses: ['10.0.0.1', '2001:db8::1'],
    });
    new TlsCertificate(certs, 'Ecdsa', { secretName: 'ecdsa', dnsNames: ['ecdsa.example.com'], issuer: internal, privateKey: PrivateKey.ecdsa(521) });
    new IngressClassGateway(new Chart(app, 'other'), 'Other', { className: NAME_63.slice(0, 40), controller: IngressController.traefik() });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN nothing is rejected, and every object is schema-valid
    expect(errors.map((f) => `${f.ruleId} ${f.constructPath} ${f.field} = ${f.value}: ${f.message}`)).toStrictEqual([]);
    expect(() => synthApp(app)).not.toThrow();
  });
});
