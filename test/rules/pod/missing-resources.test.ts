import { deployment, findingsOf, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-POD-002';
const FIELD = 'spec.template.spec.containers[0].resources';

describe(`${ID} missing resources`, () => {
  it('accepts cpu and memory requests plus a memory limit', () => {
    // GIVEN the compliant Deployment (requests cpu/memory, limits memory; no cpu limit needed)
    const report = lintObjects([deployment()]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it.each([
    ['requests.cpu', { requests: { memory: '128Mi' }, limits: { memory: '256Mi' } }],
    ['requests.memory', { requests: { cpu: '100m' }, limits: { memory: '256Mi' } }],
    ['limits.memory', { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1' } }],
  ])('rejects a container without %s', (missing, resources) => {
    // GIVEN resources lacking one piece
    const dep = deployment({ container: { resources: undefined } });
    dep.spec.template.spec.containers[0].resources = resources;
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'Deployment', field: FIELD, value: shown(resources) });
    expect(f.message).toBe(`container "web" has no ${missing}`);
  });

  it('rejects a container without resources, naming all three', () => {
    // GIVEN no resources at all
    const dep = deployment({ container: { resources: undefined } });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ field: FIELD, value: '(unset)' });
    expect(f.message).toBe('container "web" has no requests.cpu, requests.memory, limits.memory');
  });

  it('reports each container separately', () => {
    // GIVEN a compliant main container and a sidecar without resources
    const dep = deployment({ extraContainers: [{ name: 'sidecar', image: 'registry.example.com/sidecar:1.0.0', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }] });
    // WHEN
    const found = findingsOf(lintObjects([dep]), ID);
    // THEN
    expect(found.map((f) => f.field)).toEqual(['spec.template.spec.containers[1].resources']);
    expect(found[0].message).toContain('container "sidecar"');
  });
});

describe(`${ID}: every pod-template kind`, () => {
  const noResources = { container: { resources: undefined } };

  it.each([
    ['ReplicationController', 'v1', (spec: any) => ({ replicas: 1, selector: { app: 'web' }, template: spec.template })],
    ['ReplicaSet', 'apps/v1', (spec: any) => spec],
    ['StatefulSet', 'apps/v1', (spec: any) => ({ ...spec, serviceName: 'web' })],
    ['DaemonSet', 'apps/v1', (spec: any) => ({ selector: spec.selector, template: spec.template })],
    ['Job', 'batch/v1', (spec: any) => ({ template: { ...spec.template, spec: { ...spec.template.spec, restartPolicy: 'Never' } } })],
  ])('checks the pod template of a %s', (kind, apiVersion, shape) => {
    // GIVEN a workload of this kind whose container has no resources
    const base = deployment(noResources);
    const report = lintObjects([{ apiVersion, kind, metadata: base.metadata, spec: shape(base.spec) }]);
    // THEN the pod rules see it
    expect(singleFinding(report, ID)).toMatchObject({ kind, field: FIELD });
  });

  it('checks the job template of a CronJob', () => {
    const base = deployment(noResources);
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: base.metadata,
      spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { ...base.spec.template, spec: { ...base.spec.template.spec, restartPolicy: 'Never' } } } } },
    };
    expect(singleFinding(lintObjects([cronJob]), ID).field).toBe('spec.jobTemplate.spec.template.spec.containers[0].resources');
  });
});
