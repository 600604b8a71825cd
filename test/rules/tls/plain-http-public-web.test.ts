import { tls } from './tls-manifests';
import { certificate, findingsOf, ingress, ingressClass, lintObjects, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-TLS-011';
const PROFILE = { 'gateways.cdk8s.io/profile': 'public-web' };

describe(`${ID} plain HTTP on a public-web class`, () => {
  it('rejects an Ingress without TLS on a public-web class', () => {
    // GIVEN class nginx marked public-web and an Ingress without TLS
    const report = lintObjects([ingressClass({ annotations: PROFILE }), ingress()]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', field: 'spec.tls', value: '(unset)' });
    expect(f.message).toContain('app.example.com would be served over plain HTTP on public-web class "nginx"');
  });

  it('accepts an Ingress with TLS for its host', () => {
    // GIVEN TLS for app.example.com
    const report = lintObjects([ingressClass({ annotations: PROFILE }), ingress({ tls: tls() }), certificate()]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts an Ingress without TLS on an ordinary class', () => {
    // GIVEN no profile annotation
    const report = lintObjects([ingressClass(), ingress()]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects a rule host that no TLS entry covers', () => {
    // GIVEN TLS for app.example.com and a second rule for api.example.com
    const rules = [
      { host: 'app.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
      { host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
    ];
    const report = lintObjects([ingressClass({ annotations: PROFILE }), ingress({ rules, tls: tls() }), certificate()]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ field: 'spec.rules[1].host', value: shown('api.example.com') });
  });

  it('applies to Ingresses that fall to a default public-web class', () => {
    // GIVEN the public-web class is the default and the Ingress names none
    const report = lintObjects([ingressClass({ annotations: PROFILE, isDefault: true }), ingress({ className: null })]);
    // THEN
    expect(findingsOf(report, ID)).toHaveLength(1);
  });

  it('ignores the HTTP-01 solver Ingresses cert-manager creates', () => {
    // GIVEN a solver Ingress read back from a cluster
    const solver = ingress({ name: 'cm-acme-http-solver-abcde', labels: { 'acme.cert-manager.io/http01-solver': 'true' }, paths: [{ path: '/.well-known/acme-challenge/token', pathType: 'ImplementationSpecific', service: 'cm-acme-http-solver-xyz', port: 8089 }] });
    const report = lintObjects([ingressClass({ annotations: PROFILE }), solver]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('honours a suppression with a reason', () => {
    // GIVEN the Ingress annotated with the reason plain HTTP is accepted
    const report = lintObjects([ingressClass({ annotations: PROFILE }),
      ingress({ annotations: { [`suppress.gateways.cdk8s.io/${ID}`]: 'legacy IoT clients speak plain HTTP only' } })]);
    // THEN
    expect(findingsOf(report, ID).map((f) => f.suppressed)).toEqual([true]);
  });
});
