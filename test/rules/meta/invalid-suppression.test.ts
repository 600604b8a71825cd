import { Severity } from '../../../src/rules/severity';
import { deployment, findingsOf, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-META-001';
const PREFIX = 'suppress.gateways.cdk8s.io/';

describe(`${ID} invalid suppression`, () => {
  it('accepts a suppression with a known rule and a reason: the finding is suppressed, not an error', () => {
    // GIVEN a Deployment on the latest tag whose suppression annotation accepts CG-POD-003 with a reason
    const reason = 'vendor image is only published as latest; mirrored nightly';
    const dep = deployment({ image: 'registry.example.com/vendor/app:latest', annotations: { [`${PREFIX}CG-POD-003`]: reason } });
    // WHEN linting it
    const report = lintObjects([dep]);
    // THEN the finding is recorded as suppressed, with its reason, and is neither an error nor invalid
    const f = singleFinding(report, 'CG-POD-003');
    expect(f).toMatchObject({ suppressed: true, suppressionReason: reason, field: 'spec.template.spec.containers[0].image' });
    expect(report.suppressed).toEqual([f]);
    expect(report.errors).not.toContainEqual(f);
    expect(report.errors).toEqual([]);
    expect(ruleIds(report)).not.toContain('CG-POD-003');
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('trims the reason it records', () => {
    // GIVEN a reason padded with whitespace
    const dep = deployment({ image: 'registry.example.com/app:latest', annotations: { [`${PREFIX}CG-POD-003`]: '  accepted for the demo cluster  ' } });
    // THEN
    expect(singleFinding(lintObjects([dep]), 'CG-POD-003').suppressionReason).toBe('accepted for the demo cluster');
  });

  it('rejects a suppression reason shorter than 10 characters', () => {
    // GIVEN a suppression whose reason is "ok, fine" (8 characters)
    const key = `${PREFIX}CG-POD-003`;
    const dep = deployment({ image: 'registry.example.com/app:latest', annotations: { [key]: 'ok, fine' } });
    // WHEN
    const report = lintObjects([dep]);
    // THEN the suppression itself is an error, and it does not suppress the finding
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ severity: Severity.ERROR, field: `metadata.annotations["${key}"]`, value: shown('ok, fine'), suppressed: false });
    expect(f.message).toContain('at least 10 characters');
    expect(singleFinding(report, 'CG-POD-003').suppressed).toBe(false);
    expect(ruleIds(report)).toEqual(expect.arrayContaining([ID, 'CG-POD-003']));
  });

  it('rejects a reason that is only long because of whitespace', () => {
    // GIVEN a reason of spaces around a short word
    const dep = deployment({ annotations: { [`${PREFIX}CG-POD-003`]: '     ok     ' } });
    // THEN
    expect(singleFinding(lintObjects([dep]), ID).message).toContain('at least 10 characters');
  });

  it('rejects a suppression that names an unknown rule', () => {
    // GIVEN a suppression of "CG-POD-999"
    const key = `${PREFIX}CG-POD-999`;
    const dep = deployment({ annotations: { [key]: 'this rule does not exist at all' } });
    // WHEN
    const report = lintObjects([dep]);
    // THEN the annotation is reported, listing the known rules
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ field: `metadata.annotations["${key}"]`, value: shown('CG-POD-999') });
    expect(f.message).toContain('suppression names an unknown rule; known rules are CG-INPUT-001, CG-META-001, CG-META-002');
  });

  it('ignores annotations outside the suppression prefix', () => {
    // GIVEN an unrelated annotation that merely mentions a rule
    const dep = deployment({ annotations: { 'example.com/CG-POD-999': 'x' } });
    // THEN
    expect(findingsOf(lintObjects([dep]), ID)).toEqual([]);
  });

  it('rejects an invalid suppression even when CG-META-001 itself is suppressed on the object', () => {
    // GIVEN an unknown-rule suppression next to a (valid) suppression of CG-META-001
    const dep = deployment({
      annotations: { [`${PREFIX}CG-META-001`]: 'silencing the suppression check on purpose', [`${PREFIX}CG-NOPE-001`]: 'unknown rule here' },
    });
    // WHEN
    const report = lintObjects([dep]);
    // THEN the invalid suppression is still an error: CG-META-001 cannot be suppressed, or a bad annotation could hide itself
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ value: shown('CG-NOPE-001'), suppressed: false });
    expect(report.errors).toContainEqual(f);
  });
});
