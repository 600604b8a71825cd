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

describe(`${ID}: certificates that something else provides`, () => {
  it('accepts a secret that cert-manager\'s ingress-shim creates for kubernetes.io/tls-acme: "true"', () => {
    // GIVEN an Ingress annotated for ACME the kube-lego way, naming a secret nothing else provides
    const report = lintObjects([ingressClass(), tlsIngress({ annotations: { 'kubernetes.io/tls-acme': 'true' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects kubernetes.io/tls-acme: "false" like no annotation (the neighbour)', () => {
    const report = lintObjects([ingressClass(), tlsIngress({ annotations: { 'kubernetes.io/tls-acme': 'false' } })]);
    expect(findingsOf(report, ID)).toHaveLength(1);
  });

  it('accepts TLS hosts without secretName on an AWS ALB class: the ALB finds ACM certificates by host', () => {
    // GIVEN IngressClass alb (controller ingress.k8s.aws/alb) and a TLS entry with hosts only
    const alb = ingressClass({ name: 'alb', controller: 'ingress.k8s.aws/alb' });
    const report = lintObjects([alb, ingress({ className: 'alb', tls: [{ hosts: ['app.example.com'] }] })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts it for an alb.ingress.kubernetes.io-annotated Ingress on a class defined outside the manifests', () => {
    const report = lintObjects([ingress({ className: 'alb', annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' }, tls: [{ hosts: ['app.example.com'] }] })],
      { externalClasses: ['alb'] });
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('still rejects a TLS entry without secretName on an nginx class (the neighbour)', () => {
    const report = lintObjects([ingressClass(), ingress({ tls: [{ hosts: ['app.example.com'] }] })]);
    expect(singleFinding(report, ID).field).toBe('spec.tls[0].secretName');
  });
});
