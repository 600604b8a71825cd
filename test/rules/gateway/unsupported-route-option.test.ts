import { findingsOf, ingress, ingressClass, lintObjects, singleFinding } from '../../util/manifests';

const ID = 'CG-GATEWAY-003';
const ANNOTATION = 'gateways.cdk8s.io/unsupported-route-options';

describe(`${ID} unsupported route option`, () => {
  it('accepts an Ingress without the record', () => {
    // GIVEN a plain Ingress
    const report = lintObjects([ingressClass(), ingress()]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts an empty record', () => {
    // GIVEN an empty value
    const report = lintObjects([ingressClass(), ingress({ annotations: { [ANNOTATION]: '' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects an Ingress whose route options its controller can not apply, naming the options and the class', () => {
    // GIVEN the record a route writes for two unsupported options
    const report = lintObjects([ingressClass({ name: 'edge', controller: 'traefik.io/ingress-controller' }), ingress({ className: 'edge', annotations: { [ANNOTATION]: 'maxRequestBodySize,rateLimitPerSecond' } })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', name: 'web', field: `metadata.annotations["${ANNOTATION}"]`, value: JSON.stringify('maxRequestBodySize,rateLimitPerSecond') });
    expect(f.message).toContain('the controller of class "edge" has no Ingress annotation for maxRequestBodySize, rateLimitPerSecond');
  });

  it('honours a suppression annotation with a reason', () => {
    // GIVEN the record and a suppression
    const report = lintObjects([ingressClass(), ingress({
      annotations: { [ANNOTATION]: 'rateLimitPerSecond', [`suppress.gateways.cdk8s.io/${ID}`]: 'the CDN rate limits this host' },
    })]);
    // THEN
    expect(findingsOf(report, ID).map((f) => f.suppressed)).toStrictEqual([true]);
  });
});
