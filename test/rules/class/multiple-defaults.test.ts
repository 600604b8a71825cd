import { findingsOf, ingressClass, lintObjects, ruleIds, shown } from '../../util/manifests';

const ID = 'CG-CLASS-001';
const ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

describe(`${ID} multiple default IngressClasses`, () => {
  it('rejects two default classes and names both on each finding', () => {
    // GIVEN nginx and traefik both marked default
    const objs = [ingressClass({ name: 'nginx', isDefault: true }), ingressClass({ name: 'traefik', controller: 'traefik.io/ingress-controller', isDefault: true })];
    // WHEN
    const found = findingsOf(lintObjects(objs), ID);
    // THEN each default class is reported, and every message names both
    expect(found.map((f) => f.name)).toEqual(['nginx', 'traefik']);
    for (const f of found) {
      expect(f).toMatchObject({ kind: 'IngressClass', field: `metadata.annotations["${ANNOTATION}"]`, value: shown('true') });
      expect(f.message).toContain('2 IngressClasses are marked default: nginx, traefik');
      expect(f.message).toContain('refuses new Ingresses without a class');
    }
  });

  it('accepts exactly one default class', () => {
    // GIVEN one default and one non-default class (annotation "false")
    const objs = [
      ingressClass({ name: 'nginx', isDefault: true }),
      ingressClass({ name: 'traefik', controller: 'traefik.io/ingress-controller', annotations: { [ANNOTATION]: 'false' } }),
    ];
    // THEN
    expect(ruleIds(lintObjects(objs))).not.toContain(ID);
  });

  it('accepts no default class', () => {
    // GIVEN two ordinary classes
    const objs = [ingressClass({ name: 'a' }), ingressClass({ name: 'b' })];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });
});
