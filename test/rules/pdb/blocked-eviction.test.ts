import { deployment, findingsOf, hpa, lintObjects, pdb, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-PDB-001';

describe(`${ID} PodDisruptionBudget blocks every eviction`, () => {
  it.each([0, '0%'])('warns about maxUnavailable %j', (maxUnavailable) => {
    // GIVEN a budget that lets no pod go
    const budget = pdb({ override: { spec: { minAvailable: undefined, maxUnavailable } } });
    const report = lintObjects([deployment(), budget]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ severity: 'warning', kind: 'PodDisruptionBudget', field: 'spec.maxUnavailable', value: shown(maxUnavailable) });
    expect(f.message).toContain('no pod may ever be evicted');
  });

  it('warns about minAvailable 100%', () => {
    // GIVEN minAvailable "100%"
    const report = lintObjects([deployment(), pdb({ minAvailable: '100%' })]);
    // THEN
    expect(singleFinding(report, ID)).toMatchObject({ field: 'spec.minAvailable', value: shown('100%') });
  });

  it('warns about minAvailable equal to the replicas of the selected Deployment', () => {
    // GIVEN 2 replicas and minAvailable 2
    const report = lintObjects([deployment({ replicas: 2 }), pdb({ minAvailable: 2 })]);
    // THEN the message names the workload and its replica count
    expect(singleFinding(report, ID).message).toBe('Deployment default/web may run 2 pod(s) (replicas) and the budget requires 2 available, so no pod may be evicted at that size');
  });

  it('warns about minAvailable at the autoscaler minReplicas, even with more replicas now', () => {
    // GIVEN 4 replicas, an HPA with minReplicas 2, and minAvailable 2
    const report = lintObjects([deployment({ replicas: 4 }), hpa({ minReplicas: 2 }), pdb({ minAvailable: 2 })]);
    // THEN the autoscaler floor is what counts
    expect(singleFinding(report, ID).message).toContain('may run 2 pod(s) (HorizontalPodAutoscaler web minReplicas)');
  });

  it.each([
    ['minAvailable 1 of 2 replicas', { minAvailable: 1 }],
    ['minAvailable 50% of 2 replicas', { minAvailable: '50%' }],
    ['maxUnavailable 1', { minAvailable: undefined, maxUnavailable: 1 }],
  ])('accepts %s (compliant neighbours)', (_name, spec) => {
    // GIVEN a budget that leaves room for one eviction
    const report = lintObjects([deployment({ replicas: 2 }), pdb({ override: { spec } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });
});
