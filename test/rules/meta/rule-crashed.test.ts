import { Chart, Testing } from 'cdk8s';
import { RuleEngine, SelfSignedIssuer } from '../../../src';
import { evaluate } from '../../../src/rules/evaluate';
import { ClusterModel, ManifestObject } from '../../../src/rules/model';
import { UNPINNED_IMAGE } from '../../../src/rules/pod/unpinned-image';
import { defineRule } from '../../../src/rules/rule';
import { Severity } from '../../../src/rules/severity';
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
    const report = evaluate(model, [THROWING_RULE, UNPINNED_IMAGE], [], { crashAsFinding: true });
    // THEN the crash is a finding, not an exception, and the other rule's finding is still there
    expect(report.errors.map((f) => [f.ruleId, f.field])).toStrictEqual([[ID, 'CG-TEST-999'], ['CG-POD-003', 'spec.template.spec.containers[0].image']]);
    expect(report.errors[0].message).toBe("rule CG-TEST-999 crashed: Cannot read properties of undefined (reading 'spec')");
  });

  it('lets the exception through when not asked to report it (lint and the plugin name the rule themselves)', () => {
    // GIVEN the same manifests
    const objs = [deployment({ image: 'registry.example.com/app:latest' })];
    const model = new ClusterModel(objs.map((o, i) => new ManifestObject(o, { file: 'test.yaml', documentIndex: i })), new Set(), new Set());
    // THEN
    expect(() => evaluate(model, [THROWING_RULE, UNPINNED_IMAGE])).toThrow(TypeError);
  });

  it('fails synth with the finding, not the exception, when a rule of the catalogue throws', () => {
    // GIVEN an app, and CG-POD-003 throwing on it
    const spy = jest.spyOn(UNPINNED_IMAGE, 'check').mockImplementation(() => {
      throw new TypeError('Cannot read properties of null');
    });
    try {
      const app = Testing.app();
      const chart = new Chart(app, 'tls');
      new SelfSignedIssuer(chart, 'Issuer', { name: 'selfsigned' });
      // WHEN
      const report = RuleEngine.of(app).run();
      // THEN the report has the crash as an error finding naming the rule
      expect(report.errors.map((f) => [f.ruleId, f.field, f.message])).toStrictEqual([
        [ID, 'CG-POD-003', 'rule CG-POD-003 crashed: Cannot read properties of null'],
      ]);
      // AND synth stops with it, without a stack trace
      let error: Error | undefined;
      try {
        app.synth();
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).toContain(`error ${ID}\n    CG-POD-003: rule CG-POD-003 crashed: Cannot read properties of null`);
      expect(error?.stack).not.toContain('    at ');
    } finally {
      spy.mockRestore();
    }
  });

  it('reports nothing when no rule throws', () => {
    // GIVEN compliant manifests
    const report = lintObjects([deployment({})]);
    // THEN
    expect(report.findings.filter((f) => f.ruleId === ID)).toStrictEqual([]);
  });
});
