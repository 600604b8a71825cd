import { acmeIssuer, caIssuer, DNS01_ROUTE53, HTTP01_NGINX, tls } from './tls-manifests';
import { certificate, findingsOf, ingress, ingressClass, lintObjects, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-TLS-007';
const WILDCARD = '*.example.com';

/** An Ingress for a.example.com under the wildcard secret, and a Certificate for the wildcard from `issuer`. */
function wildcardSetup(...issuers: any[]) {
  return [
    ingressClass(),
    ingress({ host: 'a.example.com', tls: tls('wildcard-tls', [WILDCARD]) }),
    certificate({ secretName: 'wildcard-tls', dnsNames: [WILDCARD] }),
    ...issuers,
  ];
}

describe(`${ID} ACME name without solver`, () => {
  it('rejects a wildcard name on an ACME issuer with only HTTP-01', () => {
    // GIVEN ClusterIssuer letsencrypt with a single HTTP-01 solver
    const report = lintObjects(wildcardSetup(acmeIssuer()));
    // THEN the Certificate name is reported
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Certificate', field: 'spec.dnsNames[0]', value: shown(WILDCARD) });
    expect(f.message).toContain('ACME validates the wildcard "*.example.com" only with a DNS-01 challenge, and ClusterIssuer letsencrypt has no DNS-01 solver for it');
    expect(f.message).toContain('HTTP-01 can not prove control of a wildcard');
  });

  it('accepts a wildcard name when the issuer also has a DNS-01 solver', () => {
    // GIVEN HTTP-01 first and a catch-all DNS-01 solver
    const report = lintObjects(wildcardSetup(acmeIssuer({ solvers: [HTTP01_NGINX, DNS01_ROUTE53] })));
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects a wildcard outside the DNS-01 solver zones', () => {
    // GIVEN DNS-01 only for example.org
    const report = lintObjects(wildcardSetup(acmeIssuer({ solvers: [HTTP01_NGINX, { ...DNS01_ROUTE53, selector: { dnsZones: ['example.org'] } }] })));
    // THEN
    expect(singleFinding(report, ID).value).toBe(shown(WILDCARD));
  });

  it('accepts a wildcard inside a DNS-01 solver zone', () => {
    // GIVEN DNS-01 for example.com
    const report = lintObjects(wildcardSetup(acmeIssuer({ solvers: [HTTP01_NGINX, { ...DNS01_ROUTE53, selector: { dnsZones: ['example.com'] } }] })));
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts a wildcard from a CA issuer, which signs any name', () => {
    // GIVEN a CA ClusterIssuer referenced by the Certificate
    const objs = [
      ingressClass(),
      ingress({ host: 'a.example.com', tls: tls('wildcard-tls', [WILDCARD]) }),
      certificate({ secretName: 'wildcard-tls', dnsNames: [WILDCARD], issuerRef: { name: 'internal-ca', kind: 'ClusterIssuer' } }),
      caIssuer(),
      certificate({ name: 'ca', namespace: 'cert-manager', secretName: 'internal-ca', dnsNames: ['internal-ca'] }),
    ];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });

  it('rejects a host that no solver selector matches', () => {
    // GIVEN HTTP-01 only for www.example.com, and a Certificate for app.example.com
    const report = lintObjects([ingressClass(), ingress({ tls: tls() }), certificate(),
      acmeIssuer({ solvers: [{ ...HTTP01_NGINX, selector: { dnsNames: ['www.example.com'] } }] })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f.message).toContain('no challenge solver of ClusterIssuer letsencrypt matches "app.example.com"');
  });

  it('checks the certificates ingress-shim creates from annotated Ingresses', () => {
    // GIVEN an Ingress asking ingress-shim for a wildcard from an HTTP-01-only issuer
    const report = lintObjects([ingressClass(), acmeIssuer(),
      ingress({ host: 'a.example.com', annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' }, tls: tls('wildcard-tls', [WILDCARD]) })]);
    // THEN the Ingress TLS host is reported
    expect(singleFinding(report, ID)).toMatchObject({ kind: 'Ingress', field: 'spec.tls[0].hosts[0]' });
  });

  it('skips issuers defined outside the manifests', () => {
    // GIVEN no ClusterIssuer letsencrypt in the manifests
    const report = lintObjects(wildcardSetup());
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('resolves a namespaced Issuer in the Certificate namespace only', () => {
    // GIVEN an HTTP-01-only Issuer in "shop" and the wildcard Certificate in "shop"
    const objs = [
      ingressClass(),
      ingress({ namespace: 'shop', host: 'a.example.com', tls: tls('wildcard-tls', [WILDCARD]) }),
      certificate({ namespace: 'shop', secretName: 'wildcard-tls', dnsNames: [WILDCARD], issuerRef: { name: 'letsencrypt', kind: 'Issuer' } }),
      acmeIssuer({ namespace: 'shop' }),
    ];
    // THEN
    expect(singleFinding(lintObjects(objs), ID).namespace).toBe('shop');
  });
});
