import { deployment, findingsOf, lintObjects, Manifest, networkPolicy, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-NETPOL-003';

/** Pods app=web and app=api in namespace apps, plus a policy for web admitting the given peers. */
function cluster(from: any[], namespace = 'apps'): Manifest[] {
  return [
    deployment({ namespace: 'apps' }),
    deployment({ name: 'api', namespace: 'apps' }),
    networkPolicy({ name: 'web-from', namespace, podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from }] }),
  ];
}

describe(`${ID} NetworkPolicy peer selects no pods`, () => {
  it('warns about a same-namespace peer podSelector that matches no pod template', () => {
    // GIVEN a peer app=frontend (no such pods in apps)
    const report = lintObjects(cluster([{ podSelector: { matchLabels: { app: 'frontend' } } }]));
    // THEN one warning on the peer, naming the pod templates it missed
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({
      severity: 'warning', kind: 'NetworkPolicy', name: 'web-from', field: 'spec.ingress[0].from[0].podSelector', value: shown({ matchLabels: { app: 'frontend' } }),
    });
    expect(f.message).toBe('the peer selects pods of namespace apps, and none of its 2 pod template(s) match (Deployment apps/web, Deployment apps/api)');
  });

  it('checks egress "to" peers too', () => {
    // GIVEN an egress rule to app=db, which does not exist
    const policy = networkPolicy({
      name: 'web-to',
      namespace: 'apps',
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      ingress: undefined as any,
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }],
    });
    const report = lintObjects([deployment({ namespace: 'apps' }), policy]);
    // THEN
    expect(singleFinding(report, ID).field).toBe('spec.egress[0].to[0].podSelector');
  });

  it('accepts a peer that matches a workload, an empty peer selector, and peers in other namespaces (compliant neighbours)', () => {
    // GIVEN peers app=api (exists), {} (everyone), and app=frontend in the namespaces labelled team=web
    const report = lintObjects(cluster([
      { podSelector: { matchLabels: { app: 'api' } } },
      { podSelector: {} },
      { namespaceSelector: { matchLabels: { team: 'web' } }, podSelector: { matchLabels: { app: 'frontend' } } },
    ]));
    // THEN no finding
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('does not judge a namespace without workloads among the manifests', () => {
    // GIVEN the policy in namespace edge, whose workloads are deployed from elsewhere
    const report = lintObjects(cluster([{ podSelector: { matchLabels: { app: 'frontend' } } }], 'edge'));
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });
});
