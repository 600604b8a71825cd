import { findingsOf, ingress, ingressClass, lintObjects, ruleIds, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-010';

describe(`${ID} Ingress without class and no default class`, () => {
  it('accepts an Ingress that names its class', () => {
    // GIVEN IngressClass nginx (not default) and an Ingress on it
    const report = lintObjects([ingressClass(), ingress({ className: 'nginx' })]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('accepts an Ingress without a class when one IngressClass is the default', () => {
    // GIVEN a default class and an Ingress naming none
    const report = lintObjects([ingressClass({ isDefault: true }), ingress({ className: null })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts an Ingress bound by the legacy annotation (GKE)', () => {
    // GIVEN an Ingress with kubernetes.io/ingress.class: gce and no class field
    const report = lintObjects([ingress({ className: null, annotations: { 'kubernetes.io/ingress.class': 'gce' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects an Ingress without a class when no class is the default, listing the available classes', () => {
    // GIVEN classes nginx and traefik (defined), alb (external), and an Ingress naming none
    const objs = [ingressClass({ name: 'traefik', controller: 'traefik.io/ingress-controller' }), ingressClass({ name: 'nginx' }), ingress({ className: null })];
    // WHEN
    const report = lintObjects(objs, { externalClasses: ['alb'] });
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', name: 'web', field: 'spec.ingressClassName', value: '(unset)', documentIndex: 2 });
    expect(f.message).toContain('available classes: alb, nginx, traefik');
  });

  it('says "(none)" when no class exists at all', () => {
    // GIVEN no IngressClass anywhere
    const f = singleFinding(lintObjects([ingress({ className: null })]), ID);
    // THEN
    expect(f.message).toContain('available classes: (none)');
  });
});
