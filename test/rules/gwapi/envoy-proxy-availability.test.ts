import { findingsOf, lintObjects, shown } from '../../util/manifests';

const ID = 'CG-GWAPI-030';

/** An EnvoyProxy in namespace infra with `kubernetes` as its spec.provider.kubernetes. */
function envoyProxy(kubernetes?: any): any {
  return {
    apiVersion: 'gateway.envoyproxy.io/v1alpha1',
    kind: 'EnvoyProxy',
    metadata: { name: 'web-proxy', namespace: 'infra' },
    spec: { provider: { type: 'Kubernetes', ...(kubernetes ? { kubernetes } : {}) } },
  };
}

const PDB = { envoyPDB: { maxUnavailable: 1 } };

describe(`${ID} Envoy Gateway proxies without high availability`, () => {
  it('accepts an autoscaler minimum of 2 with a PodDisruptionBudget', () => {
    // GIVEN envoyHpa 2..6 and envoyPDB maxUnavailable 1
    const report = lintObjects([envoyProxy({ envoyHpa: { minReplicas: 2, maxReplicas: 6 }, ...PDB })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts 3 fixed replicas with a PodDisruptionBudget by minAvailable', () => {
    const report = lintObjects([envoyProxy({ envoyDeployment: { replicas: 3 }, envoyPDB: { minAvailable: 2 } })]);
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts a DaemonSet of proxies (one per node)', () => {
    expect(findingsOf(lintObjects([envoyProxy({ envoyDaemonSet: {} })]), ID)).toEqual([]);
  });

  it('rejects an EnvoyProxy with Envoy Gateway\'s defaults: one replica and no PodDisruptionBudget', () => {
    // GIVEN an EnvoyProxy that sets nothing for Kubernetes
    const findings = findingsOf(lintObjects([envoyProxy()]), ID);
    // THEN both gaps are reported, each at its field
    expect(findings.map((f) => [f.field, f.severity])).toStrictEqual([
      ['spec.provider.kubernetes.envoyDeployment.replicas', 'error'],
      ['spec.provider.kubernetes.envoyPDB', 'error'],
    ]);
    expect(findings[0].message).toContain('runs 1 proxy replica (Envoy Gateway\'s default is 1)');
    expect(findings[1].message).toContain('sets no envoyPDB');
  });

  it('rejects an autoscaler that may scale the proxies down to 1, even with 3 fixed replicas (the autoscaler owns the count)', () => {
    // GIVEN replicas 3 but envoyHpa minReplicas 1
    const proxy = envoyProxy({ envoyDeployment: { replicas: 3 }, envoyHpa: { minReplicas: 1, maxReplicas: 4 }, ...PDB });
    const findings = findingsOf(lintObjects([proxy]), ID);
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ field: 'spec.provider.kubernetes.envoyHpa.minReplicas', value: shown(1) });
    expect(findings[0].message).toContain('down to 1 replica');
  });
});
