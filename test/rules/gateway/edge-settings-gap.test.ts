import { findingsOf, ingressClass, lintObjects, singleFinding } from '../../util/manifests';

const ID = 'CG-GATEWAY-005';
const ANNOTATION = 'gateways.cdk8s.io/edge-unsupported';

describe(`${ID} edge settings gap`, () => {
  it('accepts a class without the record, or with an empty one', () => {
    // GIVEN
    const report = lintObjects([ingressClass(), ingressClass({ name: 'api', annotations: { [ANNOTATION]: '' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('warns about the settings a class controller can not apply, by name', () => {
    // GIVEN a Traefik class that can not limit body size or send timeouts
    const report = lintObjects([ingressClass({ name: 'api-edge', controller: 'traefik.io/ingress-controller', annotations: { [ANNOTATION]: 'maxRequestBodySize,sendTimeout' } })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'IngressClass', name: 'api-edge', severity: 'warning', field: `metadata.annotations["${ANNOTATION}"]` });
    expect(f.message).toBe('the controller of class "api-edge" can not apply the request body size limit, the backend send timeout; its own defaults apply instead');
  });

  it('honours a suppression annotation with a reason', () => {
    // GIVEN the record and a suppression
    const report = lintObjects([ingressClass({ annotations: { [ANNOTATION]: 'maxRequestBodySize', [`suppress.gateways.cdk8s.io/${ID}`]: 'the API gateway tier limits bodies' } })]);
    // THEN
    expect(findingsOf(report, ID).map((f) => f.suppressed)).toStrictEqual([true]);
  });
});
