import { ingress, ingressClass, lintObjects, secret, shown, singleFinding, findingsOf } from '../../util/manifests';

const ID = 'CG-INGRESS-011';

describe(`${ID} TLS secret name is not a Secret name`, () => {
  it('rejects a secretName with upper case and underscores', () => {
    // GIVEN a TLS entry naming "Web_TLS", which no Secret can be called
    const report = lintObjects([ingressClass(), ingress({ tls: [{ hosts: ['app.example.com'], secretName: 'Web_TLS' }] })], { externalSecrets: ['default/Web_TLS'] });
    // THEN one error on the field, with the value and the rule for names
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ severity: 'error', kind: 'Ingress', field: 'spec.tls[0].secretName', value: shown('Web_TLS') });
    expect(f.message).toContain('Secret name must be a lowercase RFC 1123 subdomain');
  });

  it('accepts a dotted lowercase name, the compliant neighbour', () => {
    // GIVEN secretName "web.example-tls" and the Secret itself
    const report = lintObjects([
      ingressClass(), ingress({ tls: [{ hosts: ['app.example.com'], secretName: 'web.example-tls' }] }), secret({ name: 'web.example-tls' }),
    ]);
    // THEN no finding of this rule
    expect(findingsOf(report, ID)).toEqual([]);
  });
});
