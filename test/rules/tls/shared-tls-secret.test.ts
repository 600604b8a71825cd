import { tls } from './tls-manifests';
import { certificate, findingsOf, ingress, ingressClass, lintObjects, secret, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-TLS-008';

describe(`${ID} shared TLS secret`, () => {
  it('accepts two Ingresses that use one secret for the same host', () => {
    // GIVEN two paths of app.example.com with one secret and its Certificate
    const report = lintObjects([
      ingressClass(),
      ingress({ name: 'web', tls: tls() }),
      ingress({ name: 'api', paths: [{ path: '/api' }], tls: tls() }),
      certificate(),
    ]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects two Ingresses that use one secret for different hosts', () => {
    // GIVEN app.example.com and shop.example.com sharing web-tls, provided by a Secret
    const report = lintObjects([
      ingressClass(),
      ingress({ name: 'web', tls: tls() }),
      ingress({ name: 'shop', host: 'shop.example.com', tls: tls('web-tls', ['shop.example.com']) }),
      secret(),
    ]);
    // THEN the second Ingress is reported, naming the first
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', name: 'shop', field: 'spec.tls[0].secretName', value: shown('web-tls') });
    expect(f.message).toContain('Ingress default/web (test.yaml:1) uses TLS secret "web-tls" for app.example.com, and this Ingress for shop.example.com');
  });

  it('accepts different hosts when one Certificate covers them all', () => {
    // GIVEN a SAN Certificate for both hosts
    const report = lintObjects([
      ingressClass(),
      ingress({ name: 'web', tls: tls() }),
      ingress({ name: 'shop', host: 'shop.example.com', tls: tls('web-tls', ['shop.example.com']) }),
      certificate({ dnsNames: ['app.example.com', 'shop.example.com'] }),
    ]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts one secret name in two namespaces', () => {
    // GIVEN web-tls in "a" and in "b", each with its own Certificate
    const report = lintObjects([
      ingressClass(),
      ingress({ namespace: 'a', tls: tls() }),
      ingress({ namespace: 'b', host: 'shop.example.com', tls: tls('web-tls', ['shop.example.com']) }),
      certificate({ namespace: 'a' }),
      certificate({ namespace: 'b', dnsNames: ['shop.example.com'] }),
    ]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects two Certificates that write one secret', () => {
    // GIVEN Certificates web and web-2 both writing web-tls
    const report = lintObjects([ingressClass(), ingress({ tls: tls() }), certificate(), certificate({ name: 'web-2' })]);
    // THEN the second is reported
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Certificate', name: 'web-2', field: 'spec.secretName' });
    expect(f.message).toContain('Certificate default/web (test.yaml:2) already writes secret default/web-tls');
  });
});
