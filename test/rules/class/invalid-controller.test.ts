import { findingsOf, ingressClass, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-CLASS-002';

describe(`${ID} invalid IngressClass controller`, () => {
  it.each(['k8s.io/ingress-nginx', 'traefik.io/ingress-controller', 'ingress.k8s.aws/alb', 'haproxy.org/ingress-controller/haproxy'])(
    'accepts %j', (controller) => {
      // GIVEN a domain-prefixed controller value
      const report = lintObjects([ingressClass({ controller })]);
      // THEN
      expect(ruleIds(report)).not.toContain(ID);
    });

  it('rejects a controller value without a domain', () => {
    // GIVEN controller "ingress-nginx"
    const f = singleFinding(lintObjects([ingressClass({ controller: 'ingress-nginx' })]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'IngressClass', name: 'nginx', field: 'spec.controller', value: shown('ingress-nginx') });
    expect(f.message).toContain("controller must be a domain-prefixed path such as 'example.com/ingress-controller'");
  });

  it('rejects a controller value longer than 250 characters', () => {
    // GIVEN a 251-character value
    const controller = `example.com/${'c'.repeat(239)}`;
    const f = singleFinding(lintObjects([ingressClass({ controller })]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.controller', value: shown(controller) });
    expect(f.message).toContain('must be no more than 250 characters (got 251)');
  });

  it('rejects an uppercase domain', () => {
    // GIVEN controller "K8s.io/ingress-nginx"
    const f = singleFinding(lintObjects([ingressClass({ controller: 'K8s.io/ingress-nginx' })]), ID);
    // THEN
    expect(f.message).toContain('must start with a lowercase DNS subdomain prefix (got "K8s.io")');
  });

  it('rejects a domain with nothing after the slash', () => {
    // GIVEN controller "example.com/"
    const f = singleFinding(lintObjects([ingressClass({ controller: 'example.com/' })]), ID);
    // THEN
    expect(f.message).toContain('must have a path after the domain');
  });

  it('rejects an IngressClass without a controller', () => {
    // GIVEN spec without controller
    const cls = ingressClass({ override: { spec: { controller: undefined } } });
    // WHEN
    const f = singleFinding(lintObjects([cls]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.controller', value: '(unset)' });
    expect(f.message).toContain('an IngressClass needs a controller value');
  });

  it('reports only the class with the bad value', () => {
    // GIVEN one good and one bad class
    const objs = [ingressClass({ name: 'good' }), ingressClass({ name: 'bad', controller: 'nginx' })];
    // THEN
    expect(findingsOf(lintObjects(objs), ID).map((f) => f.name)).toEqual(['bad']);
  });
});
