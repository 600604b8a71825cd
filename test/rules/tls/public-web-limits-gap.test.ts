import { findingsOf, ingressClass, lintObjects, singleFinding } from '../../util/manifests';

const ID = 'CG-TLS-013';
const PROFILE = 'gateways.cdk8s.io/profile';
const UNSUPPORTED = 'gateways.cdk8s.io/public-web-unsupported';

describe(`${ID} public-web limits gap`, () => {
  it('accepts a public-web class whose controller applies every limit', () => {
    // GIVEN no unsupported record
    const report = lintObjects([ingressClass({ annotations: { [PROFILE]: 'public-web' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('warns about limits the controller can not apply', () => {
    // GIVEN the body size and send timeout unsupported
    const report = lintObjects([ingressClass({ annotations: { [PROFILE]: 'public-web', [UNSUPPORTED]: 'maxRequestBodySize,sendTimeout' } })]);
    // THEN a warning, not an error
    const f = singleFinding(report, ID);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('can not apply the request body size limit, the backend send timeout; its own defaults apply instead');
    expect(report.errors).toEqual([]);
  });

  it('leaves redirect and HSTS gaps to CG-TLS-012', () => {
    // GIVEN only HSTS unsupported
    const report = lintObjects([ingressClass({ annotations: { [PROFILE]: 'public-web', [UNSUPPORTED]: 'hsts' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });
});
