import { Chart, Duration, Testing } from 'cdk8s';
import { AcmeIssuer, Dns01Solver, IssuerRef, PrivateKey, RuleEngine, TlsCertificate } from '../../src';
import { inputErrors, ofKind, synthApp } from '../util/synth';

function chartApp(namespace?: string) {
  const app = Testing.app();
  const chart = new Chart(app, 'web', { namespace });
  // The certificates of these tests are not served by an Ingress (CG-TLS-010, a warning).
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return { app, chart };
}

afterEach(() => jest.restoreAllMocks());

describe('TlsCertificate', () => {
  it('writes a sound Certificate by default: ECDSA P-256 rotated on renewal, 90 days renewed 30 days before expiry', () => {
    // GIVEN a certificate for www.example.com from a ClusterIssuer
    const { app, chart } = chartApp('web');
    new TlsCertificate(chart, 'Cert', { secretName: 'www-tls', dnsNames: ['www.example.com'], issuer: IssuerRef.clusterIssuer('letsencrypt') });
    // WHEN
    const [cert] = ofKind(synthApp(app), 'Certificate');
    // THEN
    expect(cert).toStrictEqual({
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'www-tls', namespace: 'web', labels: { 'app.kubernetes.io/managed-by': 'cdk8s-gateways' } },
      spec: {
        secretName: 'www-tls',
        dnsNames: ['www.example.com'],
        issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer', group: 'cert-manager.io' },
        privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
        duration: '2160h',
        renewBefore: '720h',
      },
    });
  });

  it('takes a key, lifetime, name and namespace', () => {
    // GIVEN RSA 4096, 30 days renewed 10 days ahead, an explicit name and namespace
    const { app, chart } = chartApp();
    new TlsCertificate(chart, 'Cert', {
      name: 'api',
      namespace: 'api',
      secretName: 'api-tls',
      dnsNames: ['api.example.com'],
      issuer: IssuerRef.issuer('api', 'local'),
      privateKey: PrivateKey.rsa(4096),
      duration: Duration.days(30),
      renewBefore: Duration.minutes(90),
    });
    // WHEN
    const [cert] = ofKind(synthApp(app), 'Certificate');
    // THEN
    expect(cert.metadata).toMatchObject({ name: 'api', namespace: 'api' });
    expect(cert.spec).toMatchObject({
      issuerRef: { name: 'local', kind: 'Issuer' },
      privateKey: { algorithm: 'RSA', size: 4096, rotationPolicy: 'Always' },
      duration: '720h',
      renewBefore: '90m',
    });
  });

  it('writes an Ed25519 key without a size', () => {
    // GIVEN Ed25519
    const { app, chart } = chartApp();
    new TlsCertificate(chart, 'Cert', { secretName: 'tls', dnsNames: ['a.internal'], issuer: IssuerRef.clusterIssuer('ca'), privateKey: PrivateKey.ed25519() });
    // THEN
    expect(ofKind(synthApp(app), 'Certificate')[0].spec.privateKey).toStrictEqual({ algorithm: 'Ed25519', rotationPolicy: 'Always' });
  });

  it('refuses a namespaced Issuer of another namespace', () => {
    // GIVEN an Issuer in "shop" and a certificate in "web"
    const { app, chart } = chartApp('web');
    // WHEN
    new TlsCertificate(chart, 'Cert', { secretName: 'tls', dnsNames: ['a.example.com'], issuer: IssuerRef.issuer('shop', 'local') });
    // THEN
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'web/Cert',
      field: 'issuer',
      value: '"Issuer shop/local"',
      message: 'a namespaced Issuer signs only Certificates in its own namespace, and this Certificate is in "web"; use a ClusterIssuer, or an Issuer in "web"',
    }]);
    expect(() => synthApp(app)).toThrow(/CG-INPUT-001 at web\/Cert\n    issuer = "Issuer shop\/local"/);
  });

  it('accepts the Issuer object of this app in its own namespace', () => {
    // GIVEN an AcmeIssuer in "web" with a DNS-01 solver
    const { app, chart } = chartApp('web');
    const issuer = new AcmeIssuer(chart, 'Issuer', { namespace: 'web', email: 'ops@example.com', dns01Solvers: [Dns01Solver.route53({ region: 'eu-west-1' })] });
    new TlsCertificate(chart, 'Cert', { secretName: 'tls', dnsNames: ['a.example.com'], issuer });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'Certificate')[0].spec.issuerRef).toStrictEqual({ name: 'letsencrypt', kind: 'Issuer', group: 'cert-manager.io' });
  });

  it('reports the webhook checks at synth with rule IDs', () => {
    // GIVEN a 1024-bit RSA key, a 30-minute lifetime and a renewal window longer than it
    const { app, chart } = chartApp('web');
    new TlsCertificate(chart, 'Cert', {
      secretName: 'tls',
      dnsNames: ['a.example.com'],
      issuer: IssuerRef.clusterIssuer('ca'),
      privateKey: PrivateKey.rsa(1024),
      duration: Duration.minutes(30),
      renewBefore: Duration.hours(1),
    });
    // WHEN
    const errors = RuleEngine.of(app).run().errors.map((f) => f.ruleId);
    // THEN
    expect(errors).toStrictEqual(['CG-TLS-003', 'CG-TLS-004', 'CG-TLS-005']);
    expect(() => synthApp(app)).toThrow(/error CG-TLS-005 Certificate web\/tls at web\/Cert\/Resource/);
  });
});
