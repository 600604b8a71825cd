import { findingsOf, lintObjects, Manifest, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-CONTROLLER-006';

function params(spec: Record<string, unknown>): Manifest {
  return { apiVersion: 'elbv2.k8s.aws/v1beta1', kind: 'IngressClassParams', metadata: { name: 'alb' }, spec };
}

describe(`${ID} ALB dualstack-without-public-ipv4 on an internal load balancer`, () => {
  it('rejects dualstack-without-public-ipv4 with scheme internal', () => {
    // GIVEN internal IngressClassParams without public IPv4
    const report = lintObjects([params({ scheme: 'internal', ipAddressType: 'dualstack-without-public-ipv4' })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'IngressClassParams', name: 'alb', field: 'spec.ipAddressType', value: shown('dualstack-without-public-ipv4') });
    expect(f.message).toContain('accepted only for internet-facing ones');
  });

  it('accepts dualstack-without-public-ipv4 on an internet-facing load balancer', () => {
    const report = lintObjects([params({ scheme: 'internet-facing', ipAddressType: 'dualstack-without-public-ipv4' })]);
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts dualstack on an internal load balancer', () => {
    const report = lintObjects([params({ scheme: 'internal', ipAddressType: 'dualstack' })]);
    expect(findingsOf(report, ID)).toEqual([]);
  });
});
