import { controllerDeployment, deployment, findingsOf, lintObjects, pdb, pod, ruleIds, shown, singleFinding, TRAEFIK_IMAGE } from '../../util/manifests';

const ID = 'CG-CONTROLLER-002';
const NS = 'ingress-system';
const LABELS = { 'app.kubernetes.io/name': 'ingress-controller', 'gateways.cdk8s.io/ingress-class': 'nginx' };

describe(`${ID} missing disruption budget`, () => {
  it('rejects a controller Deployment without a PodDisruptionBudget', () => {
    // GIVEN a controller and no PDB
    const report = lintObjects([controllerDeployment()]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Deployment', namespace: NS, name: 'ingress-controller', field: 'spec.template.metadata.labels', value: shown(LABELS) });
    expect(f.message).toContain(`no PodDisruptionBudget in namespace "${NS}" selects these pods`);
  });

  it('accepts a PodDisruptionBudget in the namespace that selects the controller pods', () => {
    // GIVEN a PDB selecting app.kubernetes.io/name=ingress-controller in ingress-system
    const report = lintObjects([controllerDeployment(), pdb({ name: 'controller', namespace: NS, selector: { 'app.kubernetes.io/name': 'ingress-controller' } })]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('accepts a PodDisruptionBudget using matchExpressions and maxUnavailable', () => {
    // GIVEN a PDB with matchExpressions In
    const budget = pdb({
      namespace: NS,
      override: { spec: { minAvailable: undefined, maxUnavailable: 1, selector: { matchLabels: undefined, matchExpressions: [{ key: 'gateways.cdk8s.io/ingress-class', operator: 'In', values: ['nginx', 'internal'] }] } } },
    });
    // THEN
    expect(findingsOf(lintObjects([controllerDeployment(), budget]), ID)).toEqual([]);
  });

  it('rejects a PodDisruptionBudget in another namespace', () => {
    // GIVEN a matching PDB, but in "default"
    const report = lintObjects([controllerDeployment(), pdb({ selector: { 'app.kubernetes.io/name': 'ingress-controller' } })]);
    // THEN
    expect(singleFinding(report, ID).name).toBe('ingress-controller');
  });

  it('rejects a PodDisruptionBudget whose selector does not match', () => {
    // GIVEN a PDB for other pods in the namespace
    const report = lintObjects([controllerDeployment(), pdb({ namespace: NS, selector: { 'app.kubernetes.io/name': 'something-else' } })]);
    // THEN
    expect(singleFinding(report, ID).field).toBe('spec.template.metadata.labels');
  });

  it('ignores ordinary Deployments', () => {
    // GIVEN an application Deployment without a PDB
    expect(findingsOf(lintObjects([deployment()]), ID)).toEqual([]);
  });

  it('ignores a bare controller Pod', () => {
    // GIVEN a Pod running Traefik (a PDB cannot keep a single unmanaged pod available anyway)
    const p = pod({ name: 'traefik', image: TRAEFIK_IMAGE });
    // THEN
    expect(findingsOf(lintObjects([p]), ID)).toEqual([]);
  });
});

describe(`${ID}: DaemonSets`, () => {
  it('accepts a controller DaemonSet without a PodDisruptionBudget: a drain does not evict DaemonSet pods', () => {
    // GIVEN the controller as a DaemonSet (replicas removed) and no PDB
    const daemonSet = controllerDeployment({ override: { kind: 'DaemonSet', spec: { replicas: undefined } } });
    const report = lintObjects([daemonSet]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });
});
