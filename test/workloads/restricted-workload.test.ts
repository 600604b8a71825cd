import { ApiObject, Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { RuleEngine } from '../../src/rules/engine';
import { RestrictedWorkload } from '../../src/workloads/restricted-workload';
import { assertValidManifests } from '../schema-validator';

const IMAGE = 'registry.example.com/web:1.4.2';

/** A chart in an app whose rules run at synth; returns the chart and the engine. */
function appChart(): { chart: Chart; engine: RuleEngine } {
  const app = Testing.app();
  return { chart: new Chart(app, 'web', { namespace: 'web' }), engine: RuleEngine.of(app) };
}

describe('RestrictedWorkload.containerSettings', () => {
  it('makes a plain cdk8s-plus Deployment pass every rule', () => {
    // GIVEN a Deployment whose only container spreads the settings
    const { chart, engine } = appChart();
    new kplus.Deployment(chart, 'Web', { containers: [{ image: IMAGE, portNumber: 8080, ...RestrictedWorkload.containerSettings() }] });
    // WHEN
    const manifests = Testing.synth(chart);
    // THEN synth passes with no finding at all
    assertValidManifests(manifests);
    const report = engine.run();
    expect(report.findings).toEqual([]);
    // AND the container has what the restricted profile asks for
    const container = manifests.find((m) => m.kind === 'Deployment').spec.template.spec.containers[0];
    expect(container.securityContext).toMatchObject({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } });
  });

  it('a plain Deployment without it is rejected by CG-POD-001 (cdk8s-plus sets no seccomp profile, drops no capability)', () => {
    // GIVEN the same Deployment without the settings
    const { chart, engine } = appChart();
    new kplus.Deployment(chart, 'Web', { containers: [{ image: IMAGE, portNumber: 8080 }] });
    // WHEN
    assertValidManifests(chart.node.findAll().filter(ApiObject.isApiObject).map((o) => o.toJson()));
    const report = engine.run();
    // THEN
    expect(report.errors.map((f) => [f.ruleId, f.field])).toEqual([
      ['CG-POD-001', 'spec.template.spec.containers[0].securityContext.seccompProfile.type'],
      ['CG-POD-001', 'spec.template.spec.containers[0].securityContext.capabilities.drop'],
    ]);
    expect(() => Testing.synth(chart)).toThrow(/CG-POD-001/);
  });

  it('takes a user, a writable root filesystem, NET_BIND_SERVICE and resources, and still passes', () => {
    // GIVEN a container on port 80 as user 101 with its own resources
    const { chart, engine } = appChart();
    const settings = RestrictedWorkload.containerSettings({
      user: 101,
      group: 101,
      readOnlyRootFilesystem: false,
      bindPrivilegedPorts: true,
      resources: { cpu: { request: kplus.Cpu.millis(250) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(64) } },
    });
    new kplus.Deployment(chart, 'Web', { containers: [{ image: IMAGE, portNumber: 80, ...settings }] });
    // WHEN
    const manifests = Testing.synth(chart);
    // THEN
    assertValidManifests(manifests);
    expect(engine.run().findings).toEqual([]);
    const container = manifests.find((m) => m.kind === 'Deployment').spec.template.spec.containers[0];
    expect(container.securityContext).toMatchObject({
      runAsUser: 101, runAsGroup: 101, readOnlyRootFilesystem: false, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
    });
    expect(container.resources).toEqual({ requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '64Mi' } });
  });
});
