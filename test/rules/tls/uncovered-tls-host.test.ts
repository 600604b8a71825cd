import { tls } from './tls-manifests';
import { certificate, findingsOf, ingress, ingressClass, lintObjects, secret, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-TLS-009';

describe(`${ID} uncovered TLS host`, () => {
  it('accepts a host listed in the Certificate dnsNames', () => {
    // GIVEN the default Ingress and Certificate for app.example.com
    const report = lintObjects([ingressClass(), ingress({ tls: tls() }), certificate()]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts a host covered by a wildcard dnsName', () => {
    // GIVEN *.example.com in the Certificate
    const report = lintObjects([ingressClass(), ingress({ tls: tls() }), certificate({ dnsNames: ['*.example.com'] })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects a host the Certificate does not list', () => {
    // GIVEN a Certificate for www.example.com only
    const report = lintObjects([ingressClass(), ingress({ tls: tls() }), certificate({ dnsNames: ['www.example.com'] })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', field: 'spec.tls[0].hosts[0]', value: shown('app.example.com') });
    expect(f.message).toContain('secret "web-tls" is issued by Certificate default/web for www.example.com, which does not cover "app.example.com"');
  });

  it('rejects a host two labels below a wildcard', () => {
    // GIVEN *.example.com and the host a.b.example.com
    const report = lintObjects([ingressClass(), ingress({ host: 'a.b.example.com', tls: tls('web-tls', ['a.b.example.com']) }), certificate({ dnsNames: ['*.example.com'] })]);
    // THEN
    expect(singleFinding(report, ID).value).toBe(shown('a.b.example.com'));
  });

  it('leaves secrets without a Certificate to CG-INGRESS-009', () => {
    // GIVEN the secret as a Secret manifest
    const report = lintObjects([ingressClass(), ingress({ tls: tls() }), secret()]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('skips Ingresses whose certificate ingress-shim creates', () => {
    // GIVEN a shim annotation next to a mismatching Certificate (CG-TLS-008 and cert-manager sort that out)
    const report = lintObjects([ingressClass(), ingress({ annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' }, tls: tls() }), certificate({ dnsNames: ['www.example.com'] })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });
});
