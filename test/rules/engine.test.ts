import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, ApiObjectProps, App, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ALL_RULES } from '../../src/rules/catalogue';
import { defaultReportFile, REPORT_FILE_NAME, RuleEngine } from '../../src/rules/engine';
import { formatFinding } from '../../src/rules/report';
import { Severity } from '../../src/rules/severity';
import { Suppressions } from '../../src/rules/suppressions';
import { assertValidManifests } from '../schema-validator';
import {
  controllerDeployment, deployment, INGRESS_NGINX_IMAGE, ingress, ingressClass, Manifest, pdb, service,
} from '../util/manifests';

const SUPPRESS = 'suppress.gateways.cdk8s.io/';

function obj(scope: Construct, id: string, manifest: Manifest): ApiObject {
  return new ApiObject(scope, id, manifest as ApiObjectProps);
}

/** Every ApiObject of the app as JSON, for schema validation when synthesis itself throws. */
function manifestsOf(app: App): any[] {
  return app.node.findAll().filter(ApiObject.isApiObject).map((o) => o.toJson());
}

/** Runs `fn`, which must throw; returns the error. */
function thrownBy(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected synthesis to throw');
}

function readReport(app: App): any {
  return JSON.parse(fs.readFileSync(defaultReportFile(app.outdir), 'utf8'));
}

/** An app with one chart and the engine attached (plain ApiObjects do not attach it by themselves). */
function newApp(): { app: App; chart: Chart; engine: RuleEngine } {
  const app = Testing.app();
  const chart = new Chart(app, 'chart');
  return { app, chart, engine: RuleEngine.of(app) };
}

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

describe('RuleEngine in a cdk8s app', () => {
  it('stops Testing.synth with one error that lists every finding, its construct path, field and value', () => {
    // GIVEN a cdk8s-plus Deployment on an untagged image (CG-POD-003, and CG-POD-001: no seccomp, no drop ALL)
    //   AND a plain Service named "1web" (CG-META-002)
    const { app, chart, engine } = newApp();
    new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx', portNumber: 8080 }] });
    obj(chart, 'svc', service({ name: '1web' }));
    assertValidManifests(manifestsOf(app));
    // WHEN synthesizing the chart
    const error = thrownBy(() => Testing.synth(chart));
    // THEN one error carries every rule ID, with where and what
    expect(error.message).toContain('cdk8s-gateways: synth stopped by');
    for (const id of ['CG-POD-001', 'CG-POD-003', 'CG-META-002']) expect(error.message).toContain(`error ${id} `);
    expect(error.message).toContain('at chart/web/Resource');
    expect(error.message).toContain('spec.template.spec.containers[0].image = "nginx": an image without a tag means latest');
    expect(error.message).toContain('at chart/svc');
    expect(error.message).toContain('metadata.name = "1web"');
    // AND every error finding of the report is in it, formatted
    const report = engine.run();
    expect(report.errors.length).toBeGreaterThanOrEqual(3);
    expect(error.message).toContain(`synth stopped by ${report.errors.length} error(s)`);
    for (const f of report.errors) expect(error.message).toContain(formatFinding(f));
  });

  it('reports a user mistake without stack frames', () => {
    // GIVEN a Deployment on the latest tag
    const { app, chart } = newApp();
    obj(chart, 'web', deployment({ image: 'registry.example.com/web:latest' }));
    assertValidManifests(manifestsOf(app));
    // WHEN
    const error = thrownBy(() => Testing.synth(chart));
    // THEN
    expect(error.message).toContain('CG-POD-003');
    expect(error.stack).not.toContain('    at ');
    expect(error.stack).toContain('CG-POD-003');
  });

  it('stops app.synthYaml() and app.synth() the same way', () => {
    // GIVEN a Deployment without resources
    const { app, chart } = newApp();
    obj(chart, 'web', deployment({ container: { resources: undefined } }));
    assertValidManifests(manifestsOf(app));
    // WHEN / THEN
    const fromYaml = thrownBy(() => app.synthYaml());
    expect(fromYaml.message).toContain('error CG-POD-002 Deployment default/web at chart/web');
    expect(fromYaml.message).toContain('spec.template.spec.containers[0].resources = (unset): container "web" has no requests.cpu');
    expect(thrownBy(() => app.synth()).message).toContain('CG-POD-002');
  });

  it('does not throw for warnings, and prints them', () => {
    // GIVEN a compliant ingress-nginx controller (retired upstream: a warning)
    const { app, chart, engine } = newApp();
    obj(chart, 'controller', controllerDeployment({ image: INGRESS_NGINX_IMAGE }));
    obj(chart, 'pdb', pdb({ name: 'ingress-controller', namespace: 'ingress-system', selector: { 'app.kubernetes.io/name': 'ingress-controller' } }));
    // WHEN
    const manifests = Testing.synth(chart);
    // THEN synthesis succeeds with valid manifests
    assertValidManifests(manifests);
    expect(manifests).toHaveLength(2);
    const report = engine.run();
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((f) => [f.ruleId, f.severity, f.constructPath])).toEqual([['CG-CONTROLLER-003', Severity.WARNING, 'chart/controller']]);
    // AND the warning went to stderr
    const printed = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(printed).toContain('cdk8s-gateways: 1 warning(s)');
    expect(printed).toContain('warning CG-CONTROLLER-003');
    expect(readReport(app).summary).toEqual({ errors: 0, warnings: 1, suppressed: 0 });
  });

  it('writes the report even when synthesis fails', () => {
    // GIVEN a Deployment on the latest tag
    const { app, chart } = newApp();
    obj(chart, 'web', deployment({ image: 'registry.example.com/web:latest' }));
    assertValidManifests(manifestsOf(app));
    // WHEN synthesis fails
    thrownBy(() => Testing.synth(chart));
    // THEN the report says why
    const json = readReport(app);
    expect(json.summary).toEqual({ errors: 1, warnings: 0, suppressed: 0 });
    expect(json.findings).toEqual([expect.objectContaining({ ruleId: 'CG-POD-003', constructPath: 'chart/web', value: '"registry.example.com/web:latest"' })]);
  });

  it('evaluates run() afresh, so it sees objects changed after an earlier run', () => {
    // GIVEN a compliant app that was already evaluated
    const { app, chart, engine } = newApp();
    const web = obj(chart, 'web', deployment());
    assertValidManifests(manifestsOf(app));
    const first = engine.run();
    expect(first.errors).toEqual([]);
    expect(RuleEngine.of(chart)).toBe(engine);
    // WHEN an existing object changes in place (no construct added) and a construct is added
    web.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/image', 'registry.example.com/web:latest'));
    obj(chart, 'worker', deployment({ name: 'worker', image: 'registry.example.com/worker' }));
    assertValidManifests(manifestsOf(app));
    const second = engine.run();
    // THEN the new report sees both
    expect(second.errors.map((f) => [f.ruleId, f.constructPath])).toEqual([['CG-POD-003', 'chart/web'], ['CG-POD-003', 'chart/worker']]);
  });

  it('evaluates once per App.synth() although cdk8s validates once per chart, and prints warnings once', () => {
    // GIVEN an app with three charts and one warning-level finding
    const { app, chart, engine } = newApp();
    obj(chart, 'web', deployment());
    obj(new Chart(app, 'second'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: {} });
    obj(new Chart(app, 'third'), 'ing', ingress({ className: null, annotations: { 'kubernetes.io/ingress.class': 'alb' } }));
    engine.declareExternalIngressClass('alb');
    const runs = jest.spyOn(engine, 'run');
    // WHEN synthesizing
    app.synth();
    // THEN the rules ran once and the warning was printed once
    expect(runs).toHaveBeenCalledTimes(1);
    expect(stderr.mock.calls.filter(([text]) => String(text).includes('CG-INGRESS-006'))).toHaveLength(1);
  });

  it('lets App.synth() reuse the JSON the rules read, writes the same YAML as without rules, and restores toJson afterwards', () => {
    // GIVEN the same compliant app twice, rules on and rules off
    const build = (enabled: boolean) => {
      const { app, chart, engine } = newApp();
      engine.enabled = enabled;
      const web = obj(chart, 'web', deployment());
      obj(new Chart(app, 'second'), 'svc', service());
      return { app, web };
    };
    const on = build(true);
    const off = build(false);
    // WHEN synthesizing both
    const yamlOn = on.app.synthYaml();
    const yamlOff = off.app.synthYaml();
    // THEN the output is identical, and no object keeps the synth-time shortcut
    expect(yamlOn).toBe(yamlOff);
    expect(Object.prototype.hasOwnProperty.call(on.web, 'toJson')).toBe(false);
    // AND a change after synth shows up in the next synth
    on.web.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/image', 'registry.example.com/web:latest'));
    expect(() => on.app.synthYaml()).toThrow(/CG-POD-003/);
  });

  it('re-evaluates after an external class is declared', () => {
    // GIVEN an Ingress on class "alb" that the app does not define
    const { app, chart, engine } = newApp();
    obj(chart, 'web', deployment());
    obj(chart, 'svc', service());
    obj(chart, 'ing', ingress({ className: 'alb' }));
    assertValidManifests(manifestsOf(app));
    expect(thrownBy(() => Testing.synth(chart)).message).toContain('CG-INGRESS-004');
    // WHEN the class is declared as existing in the cluster
    engine.declareExternalIngressClass('alb');
    // THEN synthesis passes
    assertValidManifests(Testing.synth(chart));
  });

  it('honours a declared external TLS secret', () => {
    // GIVEN an Ingress whose TLS secret comes from outside the app
    const { chart, engine } = newApp();
    obj(chart, 'cls', ingressClass());
    obj(chart, 'ing', ingress({ tls: [{ hosts: ['app.example.com'], secretName: 'wildcard-tls' }] }));
    engine.declareExternalTlsSecret('default', 'wildcard-tls');
    // WHEN / THEN
    assertValidManifests(Testing.synth(chart));
  });

  it('writes the JSON report into the outdir', () => {
    // GIVEN an app with one warning and one suppressed finding
    const { app, chart } = newApp();
    obj(chart, 'controller', controllerDeployment({ image: INGRESS_NGINX_IMAGE }));
    obj(chart, 'pdb', pdb({ name: 'ingress-controller', namespace: 'ingress-system', selector: { 'app.kubernetes.io/name': 'ingress-controller' } }));
    const legacy = obj(chart, 'legacy', deployment({ name: 'legacy', image: 'registry.example.com/legacy:latest' }));
    Suppressions.of(legacy).add('CG-POD-003', 'vendor publishes only latest; tracked in OPS-123');
    // WHEN
    assertValidManifests(Testing.synth(chart));
    // THEN
    const json = readReport(app);
    expect(json).toMatchObject({ schemaVersion: 1, tool: 'cdk8s-gateways', summary: { errors: 0, warnings: 1, suppressed: 1 } });
    expect(json.rules.map((r: any) => r.id)).toEqual(ALL_RULES.map((r) => r.id));
    expect(json.rules.find((r: any) => r.id === 'CG-META-001')).toEqual(expect.objectContaining({ id: 'CG-META-001', severity: 'error', description: expect.any(String), fix: expect.any(String), manifestLevel: true }));
    expect(json.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ ruleId: 'CG-CONTROLLER-003', severity: 'warning', constructPath: 'chart/controller', field: 'spec.template.spec.containers[0].image', suppressed: false }),
      expect.objectContaining({ ruleId: 'CG-POD-003', constructPath: 'chart/legacy', suppressed: true, suppressionReason: 'vendor publishes only latest; tracked in OPS-123' }),
    ]));
    expect(json.suppressions).toEqual([{
      ruleId: 'CG-POD-003', reason: 'vendor publishes only latest; tracked in OPS-123', constructPath: 'chart/legacy', kind: 'Deployment', namespace: 'default', name: 'legacy',
    }]);
  });

  it('writes the report where reportFile says, and none when it is empty', () => {
    // GIVEN two compliant apps, one with a custom report path, one with none
    const a = newApp();
    obj(a.chart, 'web', deployment());
    a.engine.reportFile = 'reports/rules.json';
    const b = newApp();
    obj(b.chart, 'web', deployment());
    b.engine.reportFile = '';
    // WHEN
    assertValidManifests(Testing.synth(a.chart));
    assertValidManifests(Testing.synth(b.chart));
    // THEN
    expect(JSON.parse(fs.readFileSync(path.join(a.app.outdir, 'reports', 'rules.json'), 'utf8')).schemaVersion).toBe(1);
    expect(fs.existsSync(path.join(b.app.outdir, REPORT_FILE_NAME))).toBe(false);
    expect(fs.existsSync(defaultReportFile(b.app.outdir))).toBe(false);
  });

  it('writes the report beside the output directory by default, never into the folder GitOps tools read', () => {
    // GIVEN a compliant app synthesizing into <tmp>/dist
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-report-'));
    const app = new App({ outdir: path.join(parent, 'dist') });
    RuleEngine.of(app);
    obj(new Chart(app, 'chart'), 'web', deployment());
    // WHEN
    app.synth();
    // THEN dist/ holds only YAML, and the report is dist.cdk8s-gateways-report.json beside it
    expect(fs.readdirSync(path.join(parent, 'dist'))).toEqual(['chart.k8s.yaml']);
    expect(fs.readdirSync(parent).sort()).toEqual(['dist', 'dist.cdk8s-gateways-report.json']);
    expect(JSON.parse(fs.readFileSync(path.join(parent, 'dist.cdk8s-gateways-report.json'), 'utf8')).schemaVersion).toBe(1);
    assertValidManifests(manifestsOf(app));
  });

  it('suppresses findings below a construct and writes the suppression annotation to its objects', () => {
    // GIVEN a group with two latest-tag Deployments (one nested deeper), a compliant Deployment and a Service,
    //   AND a compliant Deployment outside the group
    const { app, chart, engine } = newApp();
    const group = new Construct(chart, 'legacy');
    obj(group, 'a', deployment({ name: 'legacy-a', image: 'registry.example.com/a:latest' }));
    obj(new Construct(group, 'inner'), 'b', deployment({ name: 'legacy-b', image: 'registry.example.com/b' }));
    obj(group, 'pinned', deployment({ name: 'legacy-pinned' }));
    obj(group, 'svc', service({ name: 'legacy-svc' }));
    obj(chart, 'web', deployment());
    const reason = 'legacy images are rebuilt nightly under the same tag';
    Suppressions.of(group).add('CG-POD-003', reason);
    // WHEN
    const manifests = Testing.synth(chart);
    // THEN synthesis passes, and only the objects that had a CG-POD-003 finding carry the annotation
    assertValidManifests(manifests);
    const annotations = Object.fromEntries(manifests.map((m) => [m.metadata.name, m.metadata.annotations?.[`${SUPPRESS}CG-POD-003`]]));
    expect(annotations).toEqual({ 'legacy-a': reason, 'legacy-b': reason, 'legacy-pinned': undefined, 'legacy-svc': undefined, 'web': undefined });
    // AND the objects without a finding are written exactly as before (no empty annotations map)
    expect(manifests.find((m) => m.metadata.name === 'legacy-pinned').metadata.annotations).toBeUndefined();
    expect(manifests.find((m) => m.metadata.name === 'legacy-svc').metadata.annotations).toBeUndefined();
    // AND the findings are recorded as suppressed
    const report = engine.run();
    expect(report.suppressed.map((f) => [f.ruleId, f.constructPath, f.suppressionReason])).toEqual([
      ['CG-POD-003', 'chart/legacy/a', reason],
      ['CG-POD-003', 'chart/legacy/inner/b', reason],
    ]);
    expect(report.errors).toEqual([]);
    expect(fs.existsSync(defaultReportFile(app.outdir))).toBe(true);
  });

  it('Suppressions.of(app) annotates only the objects of the app that had a finding of the rule', () => {
    // GIVEN two charts: one latest-tag Deployment, and compliant objects in both charts
    const { app, chart } = newApp();
    obj(chart, 'legacy', deployment({ name: 'legacy', image: 'registry.example.com/legacy:latest' }));
    obj(chart, 'web', deployment({ name: 'web' }));
    const other = new Chart(app, 'other');
    obj(other, 'api', deployment({ name: 'api' }));
    obj(other, 'svc', service({ name: 'api' }));
    const reason = 'legacy images are rebuilt nightly under the same tag';
    Suppressions.of(app).add('CG-POD-003', reason);
    // WHEN
    app.synth();
    // THEN only the latest-tag Deployment carries the annotation; everything else is written without annotations
    const manifests = [...Testing.synth(chart), ...Testing.synth(other)];
    assertValidManifests(manifests);
    expect(manifests.map((m) => [m.kind, m.metadata.name, m.metadata.annotations])).toEqual([
      ['Deployment', 'legacy', { [`${SUPPRESS}CG-POD-003`]: reason }],
      ['Deployment', 'web', undefined],
      ['Deployment', 'api', undefined],
      ['Service', 'api', undefined],
    ]);
  });

  it('suppresses only the named rule', () => {
    // GIVEN a latest-tag Deployment without resources, with only CG-POD-003 suppressed
    const { app, chart } = newApp();
    const web = obj(chart, 'web', deployment({ image: 'registry.example.com/web:latest', container: { resources: undefined } }));
    Suppressions.of(web).add('CG-POD-003', 'accepted until the registry migration');
    assertValidManifests(manifestsOf(app));
    // WHEN
    const error = thrownBy(() => Testing.synth(chart));
    // THEN the other rule still fails synthesis
    expect(error.message).toContain('CG-POD-002');
    expect(error.message).not.toContain('error CG-POD-003');
    expect(error.message).toContain('1 suppressed');
  });

  it('rejects a suppression of an unknown rule, naming the construct path', () => {
    // GIVEN a suppression of "CG-NOPE-001" on a group
    const { app, chart } = newApp();
    const group = new Construct(chart, 'team');
    obj(group, 'web', deployment());
    Suppressions.of(group).add('CG-NOPE-001', 'this rule does not exist at all');
    // WHEN
    const error = thrownBy(() => Testing.synth(chart));
    // THEN
    expect(error.message).toContain('error CG-META-001 at chart/team');
    expect(error.message).toContain('Suppressions.add = {"ruleId":"CG-NOPE-001","reason":"this rule does not exist at all"}');
    expect(error.message).toContain('suppression names an unknown rule "CG-NOPE-001"');
    // AND no annotation was written
    const manifests = manifestsOf(app);
    assertValidManifests(manifests);
    expect(manifests[0].metadata.annotations).toBeUndefined();
  });

  it('rejects a suppression with a reason shorter than 10 characters, naming the construct path', () => {
    // GIVEN a suppression with reason "because"
    const { app, chart } = newApp();
    const web = obj(chart, 'web', deployment({ image: 'registry.example.com/web:latest' }));
    Suppressions.of(web).add('CG-POD-003', 'because');
    assertValidManifests(manifestsOf(app));
    // WHEN
    const error = thrownBy(() => Testing.synth(chart));
    // THEN the invalid suppression and the unsuppressed finding both fail synthesis
    expect(error.message).toContain('error CG-META-001 at chart/web');
    expect(error.message).toContain('suppression of CG-POD-003 needs a reason of at least 10 characters (got "because")');
    expect(error.message).toContain('error CG-POD-003 Deployment default/web at chart/web');
  });

  it('skips everything when disabled', () => {
    // GIVEN violations, and the engine disabled
    const { app, chart, engine } = newApp();
    obj(chart, 'web', deployment({ image: 'nginx', container: { resources: undefined } }));
    engine.enabled = false;
    // WHEN
    const manifests = Testing.synth(chart);
    // THEN synthesis passes and no report is written
    assertValidManifests(manifests);
    expect(manifests).toHaveLength(1);
    expect(fs.existsSync(defaultReportFile(app.outdir))).toBe(false);
    expect(() => app.synthYaml()).not.toThrow();
  });
});
