import { findingsOf, ingress, ingressClass, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-007';
const ANNOTATION = 'kubernetes.io/ingress.class';

describe(`${ID} class field and annotation`, () => {
  it('rejects an Ingress with both spec.ingressClassName and the class annotation', () => {
    // GIVEN ingressClassName "nginx" and annotation "traefik"
    const objs = [ingressClass(), ingress({ className: 'nginx', annotations: { [ANNOTATION]: 'traefik' } })];
    // WHEN
    const f = singleFinding(lintObjects(objs), ID);
    // THEN the annotation is reported, quoting the field
    expect(f).toMatchObject({ kind: 'Ingress', field: `metadata.annotations["${ANNOTATION}"]`, value: shown('traefik') });
    expect(f.message).toContain('the annotation can not be set when spec.ingressClassName ("nginx") is also set');
  });

  it('accepts the field alone', () => {
    // GIVEN only spec.ingressClassName
    expect(ruleIds(lintObjects([ingressClass(), ingress()]))).not.toContain(ID);
  });

  it('accepts the annotation alone', () => {
    // GIVEN only the annotation (CG-INGRESS-006 warns about it instead)
    const report = lintObjects([ingressClass(), ingress({ className: null, annotations: { [ANNOTATION]: 'nginx' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });
});
