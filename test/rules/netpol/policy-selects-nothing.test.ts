import { deployment, findingsOf, lintObjects, Manifest, networkPolicy, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-NETPOL-002';

/** The web app (pods app=web) in namespace apps, plus the given objects. */
function cluster(...extra: Manifest[]): Manifest[] {
  return [deployment({ namespace: 'apps' }), ...extra];
}

describe(`${ID} NetworkPolicy selects no pods`, () => {
  it('warns about a selector that matches no workload of its namespace', () => {
    // GIVEN a policy for app=wbe (a typo of web)
    const policy = networkPolicy({ name: 'allow-web', namespace: 'apps', podSelector: { matchLabels: { app: 'wbe' } } });
    // WHEN
    const f = singleFinding(lintObjects(cluster(policy)), ID);
    // THEN a warning on the selector, naming the pod templates it missed
    expect(f).toMatchObject({
      severity: 'warning', kind: 'NetworkPolicy', namespace: 'apps', name: 'allow-web', field: 'spec.podSelector', value: shown({ matchLabels: { app: 'wbe' } }),
    });
    expect(f.message).toBe('the selector matches none of the 1 pod template(s) in namespace apps (Deployment apps/web)');
  });

  it('warns about a policy in a namespace without workloads', () => {
    // GIVEN the right selector in the wrong namespace
    const policy = networkPolicy({ name: 'allow-web', namespace: 'default', podSelector: { matchLabels: { app: 'web' } } });
    // THEN
    expect(singleFinding(lintObjects(cluster(policy)), ID).message).toBe('namespace default has no workload in these manifests, so the policy selects no pods');
  });

  it('evaluates matchExpressions', () => {
    // GIVEN app NotIn (web): no pod left
    const policy = networkPolicy({ name: 'not-web', namespace: 'apps', podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] } });
    // THEN
    expect(findingsOf(lintObjects(cluster(policy)), ID)).toHaveLength(1);
  });

  it('accepts a selector that matches a workload', () => {
    // GIVEN app=web, and app In (web, api)
    const exact = networkPolicy({ name: 'allow-web', namespace: 'apps', podSelector: { matchLabels: { app: 'web' } } });
    const expr = networkPolicy({ name: 'allow-any', namespace: 'apps', podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] } });
    // THEN
    expect(findingsOf(lintObjects(cluster(exact, expr)), ID)).toStrictEqual([]);
  });

  it('accepts an empty selector, a namespace-wide baseline, even where no workload runs yet', () => {
    // GIVEN default-deny in an empty namespace
    const policy = networkPolicy({ name: 'default-deny', namespace: 'new-tenant' });
    // THEN
    expect(findingsOf(lintObjects(cluster(policy)), ID)).toStrictEqual([]);
  });

  it('accepts a policy for cert-manager HTTP-01 solver pods, which cert-manager starts at run time', () => {
    // GIVEN the solver allowance a Tenant writes
    const policy = networkPolicy({
      name: 'allow-acme-http01-solvers',
      namespace: 'apps',
      podSelector: { matchLabels: { 'acme.cert-manager.io/http01-solver': 'true' } },
      ingress: [{ ports: [{ protocol: 'TCP', port: 8089 }] }],
    });
    // THEN
    expect(findingsOf(lintObjects(cluster(policy)), ID)).toStrictEqual([]);
  });

  it('still warns when a selector names the solver label but also asks for labels solver pods lack', () => {
    // GIVEN the solver label plus app=web (no solver pod carries app=web)
    const policy = networkPolicy({
      name: 'odd', namespace: 'apps', podSelector: { matchLabels: { 'acme.cert-manager.io/http01-solver': 'true', 'app': 'web' } },
    });
    // THEN
    expect(findingsOf(lintObjects(cluster(policy)), ID)).toHaveLength(1);
  });

  it('honours a suppression annotation', () => {
    // GIVEN a policy for pods another repo deploys, with the reason recorded
    const policy = networkPolicy({
      name: 'allow-batch',
      namespace: 'apps',
      podSelector: { matchLabels: { app: 'batch' } },
      annotations: { 'suppress.gateways.cdk8s.io/CG-NETPOL-002': 'batch pods are deployed by the data team repo' },
    });
    // THEN reported as suppressed
    expect(findingsOf(lintObjects(cluster(policy)), ID).map((f) => f.suppressed)).toStrictEqual([true]);
  });
});
