import { evaluate } from '../../../src/rules/evaluate';
import { ClusterModel, ManifestObject } from '../../../src/rules/model';
import { defineRule } from '../../../src/rules/rule';
import { Severity } from '../../../src/rules/severity';
import { UNPINNED_IMAGE } from '../../../src/rules/workload/unpinned-image';
import { assertValidManifests } from '../../schema-validator';
import { deployment, lintObjects } from '../../util/manifests';

const ID = 'CG-META-004';

/** A rule that throws on every Deployment, standing in for a bug in a real rule. */
const THROWING_RULE = defineRule({
  id: 'CG-TEST-999',
  severity: Severity.ERROR,
  description: 'throws',
  fix: 'none',
  manifestLevel: true,
  kinds: ['Deployment'],
  check(model) {
    if (model.ofKind('Deployment').length > 0) throw new TypeError("Cannot read properties of undefined (reading 'spec')");
  },
});

describe(`${ID} rule crashed`, () => {
  it('turns a rule that throws into one finding naming the rule and the error, and still runs the other rules', () => {
    // GIVEN a Deployment on which one rule throws and another flags the image
    const objs = [deployment({ image: 'registry.example.com/app:latest' })];
    assertValidManifests(objs);
    const model = new ClusterModel(objs.map((o, i) => new ManifestObject(o, { file: 'test.yaml', documentIndex: i })), new Set(), new Set());
    // WHEN evaluating both rules
    const report = evaluate(model, [THROWING_RULE, UNPINNED_IMAGE]);
    // THEN the crash is a finding, not an exception, and the other rule's finding is still there
    expect(report.errors.map((f) => [f.ruleId, f.field])).toStrictEqual([[ID, 'CG-TEST-999'], ['CG-POD-003', 'spec.template.spec.containers[0].image']]);
    expect(report.errors[0].message).toBe("rule CG-TEST-999 crashed: Cannot read properties of undefined (reading 'spec')");
  });

  it('reports nothing when no rule throws', () => {
    // GIVEN compliant manifests
    const report = lintObjects([deployment({})]);
    // THEN
    expect(report.findings.filter((f) => f.ruleId === ID)).toStrictEqual([]);
  });
});
