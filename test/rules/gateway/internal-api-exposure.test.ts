import { findingsOf, lintObjects, service, singleFinding } from '../../util/manifests';

const ID = 'CG-GATEWAY-004';
const PROFILE = { 'gateways.cdk8s.io/profile': 'internal-api' };
const AWS_INTERNAL = { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true', 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' };

/** The controller Service of an internal API gateway, with extra annotations and spec fields. */
function gatewayService(annotations: Record<string, string>, spec: any = {}): any {
  return service({ name: 'internal-api-controller', namespace: 'ingress-internal-api', type: 'LoadBalancer', annotations: { ...PROFILE, ...annotations }, override: { spec } });
}

describe(`${ID} internal API gateway exposed externally`, () => {
  it.each([
    ['aws', AWS_INTERNAL],
    ['gcp', { 'networking.gke.io/load-balancer-type': 'Internal' }],
    ['azure', { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' }],
  ])('accepts an internal load balancer of %s', (_provider, annotations) => {
    // GIVEN the Service with the provider's internal annotations
    const report = lintObjects([gatewayService(annotations)]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts a ClusterIP Service, and a public load balancer that is not an internal API gateway', () => {
    // GIVEN a ClusterIP internal gateway and an unmarked LoadBalancer
    const report = lintObjects([
      service({ name: 'internal-api-controller', annotations: PROFILE }),
      service({ name: 'public', type: 'LoadBalancer' }),
    ]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects an internal API gateway behind an internet-facing load balancer, listing the supported providers', () => {
    // GIVEN no internal annotations
    const report = lintObjects([gatewayService({})]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Service', name: 'internal-api-controller', field: 'metadata.annotations' });
    expect(f.message).toContain('internet-facing load balancer');
    expect(f.message).toContain('aws: service.beta.kubernetes.io/aws-load-balancer-internal: "true" and service.beta.kubernetes.io/aws-load-balancer-scheme: "internal"');
    expect(f.message).toContain('gcp: networking.gke.io/load-balancer-type: "Internal"');
    expect(f.message).toContain('azure: service.beta.kubernetes.io/azure-load-balancer-internal: "true"');
  });

  it('rejects an AWS load balancer whose scheme is internet-facing despite the legacy internal annotation', () => {
    // GIVEN the two AWS annotations disagreeing
    const report = lintObjects([gatewayService({ ...AWS_INTERNAL, 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' })]);
    // THEN
    expect(singleFinding(report, ID).field).toBe('metadata.annotations');
  });

  it('rejects external IPs on an internal API gateway Service', () => {
    // GIVEN a ClusterIP Service with an external IP
    const report = lintObjects([service({ name: 'internal-api-controller', annotations: PROFILE, override: { spec: { externalIPs: ['203.0.113.10'] } } })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ field: 'spec.externalIPs', value: JSON.stringify(['203.0.113.10']) });
  });

  it('honours a suppression annotation with a reason', () => {
    // GIVEN a public load balancer with a suppression
    const report = lintObjects([gatewayService({ [`suppress.gateways.cdk8s.io/${ID}`]: 'firewalled by the corporate perimeter' })]);
    // THEN
    expect(findingsOf(report, ID).map((f) => f.suppressed)).toStrictEqual([true]);
  });
});
