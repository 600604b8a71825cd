import { Severity } from '../../../src/rules/severity';
import { findingsOf, ingress, ingressClass, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-006';
const ANNOTATION = 'kubernetes.io/ingress.class';

describe(`${ID} legacy class annotation`, () => {
  it('warns about the deprecated kubernetes.io/ingress.class annotation', () => {
    // GIVEN an Ingress bound to nginx by the annotation only
    const objs = [ingressClass(), ingress({ className: null, annotations: { [ANNOTATION]: 'nginx' } })];
    // WHEN
    const report = lintObjects(objs);
    // THEN a warning, not an error
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ severity: Severity.WARNING, field: `metadata.annotations["${ANNOTATION}"]`, value: shown('nginx') });
    expect(f.message).toContain('deprecated since Kubernetes 1.18; spec.ingressClassName replaces it');
    expect(report.warnings).toContainEqual(f);
    expect(report.errors).toEqual([]);
  });

  it.each(['gce', 'gce-internal'])('exempts the GKE class %j, which reads only the annotation', (cls) => {
    // GIVEN an Ingress for GKE's own controller
    const report = lintObjects([ingress({ className: null, annotations: { [ANNOTATION]: cls } })]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('stays silent for spec.ingressClassName', () => {
    // GIVEN the field, not the annotation
    const report = lintObjects([ingressClass(), ingress({ className: 'nginx' })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('leaves an annotation + field conflict to CG-INGRESS-007', () => {
    // GIVEN both the field and the annotation
    const report = lintObjects([ingressClass(), ingress({ className: 'nginx', annotations: { [ANNOTATION]: 'nginx' } })]);
    // THEN only the conflict is reported
    expect(findingsOf(report, ID)).toEqual([]);
    expect(ruleIds(report)).toContain('CG-INGRESS-007');
  });
});
