import { findingsOf, ingress, ingressClass, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-004';

describe(`${ID} undefined IngressClass`, () => {
  it('accepts an Ingress whose class is defined in the manifests', () => {
    // GIVEN IngressClass nginx and an Ingress on it
    const report = lintObjects([ingressClass({ name: 'nginx' }), ingress({ className: 'nginx' })]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('accepts a class declared as external', () => {
    // GIVEN an Ingress on "alb", which the cluster provides
    const report = lintObjects([ingress({ className: 'alb' })], { externalClasses: ['alb'] });
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts an Ingress without a class (the default class applies)', () => {
    // GIVEN no ingressClassName
    const report = lintObjects([ingress({ className: null })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects a class that is defined nowhere and lists the available classes', () => {
    // GIVEN classes nginx and traefik (defined), alb (external), and an Ingress on "ngnix"
    const objs = [ingressClass({ name: 'traefik', controller: 'traefik.io/ingress-controller' }), ingressClass({ name: 'nginx' }), ingress({ className: 'ngnix' })];
    // WHEN
    const report = lintObjects(objs, { externalClasses: ['alb'] });
    // THEN the class is reported, with every available class, sorted
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', name: 'web', field: 'spec.ingressClassName', value: shown('ngnix'), documentIndex: 2 });
    expect(f.message).toContain('no IngressClass named "ngnix" exists; available classes: alb, nginx, traefik');
  });

  it('says "(none)" when no class exists at all', () => {
    // GIVEN no IngressClass anywhere
    const f = singleFinding(lintObjects([ingress({ className: 'nginx' })]), ID);
    // THEN
    expect(f.message).toContain('available classes: (none)');
  });
});
