import { findingsOf, ingressClass, lintObjects, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-TLS-012';
const PROFILE = 'gateways.cdk8s.io/profile';
const UNSUPPORTED = 'gateways.cdk8s.io/public-web-unsupported';

describe(`${ID} public-web hardening gap`, () => {
  it('accepts a public-web class whose controller applies everything', () => {
    // GIVEN no unsupported record
    const report = lintObjects([ingressClass({ annotations: { [PROFILE]: 'public-web' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects a public-web class whose controller can not send HSTS', () => {
    // GIVEN the record AGIC gets
    const value = 'hsts,maxRequestBodySize,connectTimeout';
    const report = lintObjects([ingressClass({ annotations: { [PROFILE]: 'public-web', [UNSUPPORTED]: value } })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'IngressClass', field: `metadata.annotations["${UNSUPPORTED}"]`, value: shown(value), severity: 'error' });
    expect(f.message).toContain('the controller of public-web class "nginx" can not send Strict-Transport-Security (HSTS)');
  });

  it('leaves limit gaps to CG-TLS-013', () => {
    // GIVEN only the body size is unsupported
    const report = lintObjects([ingressClass({ annotations: { [PROFILE]: 'public-web', [UNSUPPORTED]: 'maxRequestBodySize' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('ignores the record on a class that is not public-web', () => {
    // GIVEN the record without the profile
    const report = lintObjects([ingressClass({ annotations: { [UNSUPPORTED]: 'hsts' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('honours a suppression with a reason', () => {
    // GIVEN HSTS added in front of the gateway
    const report = lintObjects([ingressClass({
      annotations: {
        [PROFILE]: 'public-web', [UNSUPPORTED]: 'hsts', [`suppress.gateways.cdk8s.io/${ID}`]: 'Front Door adds Strict-Transport-Security',
      },
    })]);
    // THEN
    expect(findingsOf(report, ID).map((f) => f.suppressed)).toEqual([true]);
  });
});
