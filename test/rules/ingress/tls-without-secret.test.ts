import { certificate, findingsOf, ingress, ingressClass, lintObjects, ruleIds, secret, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-009';

function tlsIngress(opts: { namespace?: string; secretName?: string | null; annotations?: Record<string, string> } = {}) {
  const secretName = opts.secretName === null ? undefined : opts.secretName ?? 'web-tls';
  return ingress({
    namespace: opts.namespace,
    annotations: opts.annotations,
    tls: [{ hosts: ['app.example.com'], ...(secretName ? { secretName } : {}) }],
  });
}

describe(`${ID} TLS without secret`, () => {
  it('rejects a TLS entry without secretName', () => {
    // GIVEN a TLS entry for app.example.com that names no secret
    const report = lintObjects([ingressClass(), tlsIngress({ secretName: null })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', field: 'spec.tls[0].secretName', value: '(unset)' });
    expect(f.message).toContain('TLS for app.example.com names no secret, so the controller serves its fallback certificate');
  });

  it('rejects a secret that nothing provides', () => {
    // GIVEN secretName web-tls and no Certificate, Secret or declaration for it
    const report = lintObjects([ingressClass(), tlsIngress({ namespace: 'shop' })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ namespace: 'shop', field: 'spec.tls[0].secretName', value: shown('web-tls') });
    expect(f.message).toContain('nothing provides secret "web-tls" in namespace "shop" for app.example.com');
  });

  it('accepts a secret issued by a cert-manager Certificate in the same namespace', () => {
    // GIVEN a Certificate writing web-tls in shop
    const report = lintObjects([ingressClass(), tlsIngress({ namespace: 'shop' }), certificate({ namespace: 'shop', secretName: 'web-tls' })]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('rejects a secret issued by a Certificate in another namespace', () => {
    // GIVEN the Certificate in "other", the Ingress in "shop"
    const report = lintObjects([ingressClass(), tlsIngress({ namespace: 'shop' }), certificate({ namespace: 'other', secretName: 'web-tls' })]);
    // THEN
    expect(singleFinding(report, ID).value).toBe(shown('web-tls'));
  });

  it('accepts a secret provided by a Secret manifest', () => {
    // GIVEN a kubernetes.io/tls Secret web-tls in the Ingress namespace
    const report = lintObjects([ingressClass(), tlsIngress(), secret({ name: 'web-tls' })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it.each(['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer'])('accepts a secret that cert-manager\'s ingress-shim creates (%s)', (annotation) => {
    // GIVEN an Ingress annotated for the ingress-shim
    const report = lintObjects([ingressClass(), tlsIngress({ annotations: { [annotation]: 'letsencrypt' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts a secret declared as external', () => {
    // GIVEN default/web-tls declared as provided elsewhere
    const report = lintObjects([ingressClass(), tlsIngress()], { externalSecrets: ['default/web-tls'] });
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('names "(all hosts)" for a TLS entry without hosts', () => {
    // GIVEN a TLS entry without hosts or secret
    const ing = ingress({ tls: [{}] });
    // WHEN
    const f = singleFinding(lintObjects([ingressClass(), ing]), ID);
    // THEN
    expect(f.message).toContain('TLS for (all hosts) names no secret');
  });
});
