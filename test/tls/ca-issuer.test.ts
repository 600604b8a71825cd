import { Chart, Duration, Testing } from 'cdk8s';
import { CaIssuer, IssuerKind, RuleEngine, SelfSignedIssuer, TlsCertificate } from '../../src';
import { ofKind, synthApp } from '../util/synth';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

describe('CaIssuer and SelfSignedIssuer', () => {
  it('bootstraps a private CA: a self-signed ClusterIssuer, a CA Certificate in cert-manager\'s namespace, and the CA ClusterIssuer', () => {
    // GIVEN a private CA for internal hosts
    const app = Testing.app();
    const chart = new Chart(app, 'pki');
    const ca = CaIssuer.withSelfSignedRoot(chart, 'InternalCa', { name: 'internal-ca' });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ca).toMatchObject({ issuerName: 'internal-ca', issuerKind: IssuerKind.CLUSTER_ISSUER, secretName: 'internal-ca-ca' });
    expect(ofKind(objs, 'ClusterIssuer').map((o) => [o.metadata.name, o.spec])).toStrictEqual([
      ['internal-ca-selfsigned', { selfSigned: {} }],
      ['internal-ca', { ca: { secretName: 'internal-ca-ca' } }],
    ]);
    const [cert] = ofKind(objs, 'Certificate');
    expect(cert.metadata).toMatchObject({ name: 'internal-ca-ca', namespace: 'cert-manager' });
    expect(cert.spec).toStrictEqual({
      secretName: 'internal-ca-ca',
      commonName: 'internal-ca',
      isCA: true,
      issuerRef: { name: 'internal-ca-selfsigned', kind: 'ClusterIssuer', group: 'cert-manager.io' },
      privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
      duration: '26280h',
      renewBefore: '4320h',
    });
    // AND no rule reports anything (the CA secret is used by the CA issuer)
    expect(RuleEngine.of(app).run().findings).toStrictEqual([]);
  });

  it('bootstraps namespaced Issuers when a namespace is given', () => {
    // GIVEN namespace "team-a", a common name and a lifetime
    const app = Testing.app();
    const chart = new Chart(app, 'pki', { namespace: 'team-a' });
    const ca = CaIssuer.withSelfSignedRoot(chart, 'Ca', { name: 'team-ca', namespace: 'team-a', commonName: 'Team A CA', duration: Duration.days(365), renewBefore: Duration.days(30) });
    new TlsCertificate(chart, 'Leaf', { secretName: 'svc-tls', dnsNames: ['svc.team-a.svc'], issuer: ca });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'Issuer').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toStrictEqual(['team-a/team-ca-selfsigned', 'team-a/team-ca']);
    const [caCert, leaf] = ofKind(objs, 'Certificate');
    expect(caCert.metadata.namespace).toBe('team-a');
    expect(caCert.spec).toMatchObject({ commonName: 'Team A CA', duration: '8760h', renewBefore: '720h' });
    expect(leaf.spec.issuerRef).toStrictEqual({ name: 'team-ca', kind: 'Issuer', group: 'cert-manager.io' });
  });

  it('writes a CA issuer for an existing CA secret, and a self-signed issuer', () => {
    // GIVEN both, cluster-scoped
    const app = Testing.app();
    const chart = new Chart(app, 'pki');
    new CaIssuer(chart, 'Ca', { name: 'corp-ca', secretName: 'corp-ca-keypair' });
    const selfSigned = new SelfSignedIssuer(chart, 'SelfSigned', { name: 'selfsigned' });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(selfSigned.issuerKind).toBe(IssuerKind.CLUSTER_ISSUER);
    expect(ofKind(objs, 'ClusterIssuer').map((o) => o.spec)).toStrictEqual([{ ca: { secretName: 'corp-ca-keypair' } }, { selfSigned: {} }]);
  });
});
