import { tls } from './tls-manifests';
import { certificate, findingsOf, ingress, ingressClass, lintObjects, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-TLS-004';

function withSpec(spec: any) {
  return lintObjects([ingressClass(), ingress({ tls: tls() }), certificate({ override: { spec } })]);
}

describe(`${ID} invalid renewBefore`, () => {
  it('accepts renewBefore 720h with duration 2160h', () => {
    // GIVEN the library defaults
    // THEN
    expect(findingsOf(withSpec({ duration: '2160h', renewBefore: '720h' }), ID)).toEqual([]);
  });

  it('accepts renewBefore of exactly 5 minutes', () => {
    // GIVEN the minimum
    // THEN
    expect(findingsOf(withSpec({ duration: '1h', renewBefore: '5m' }), ID)).toEqual([]);
  });

  it('rejects renewBefore under 5 minutes', () => {
    // GIVEN 4m59s
    const f = singleFinding(withSpec({ renewBefore: '4m59s' }), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.renewBefore', value: shown('4m59s') });
    expect(f.message).toContain("is below cert-manager's minimum of 5m");
  });

  it('rejects renewBefore equal to the duration', () => {
    // GIVEN renewBefore = duration
    const f = singleFinding(withSpec({ duration: '720h', renewBefore: '720h' }), ID);
    // THEN
    expect(f.message).toContain('renewBefore 720h (30 days) is not below duration 720h (30 days)');
  });

  it('compares with the 90-day default when no duration is set', () => {
    // GIVEN renewBefore 91 days and no duration
    const f = singleFinding(withSpec({ renewBefore: '2184h' }), ID);
    // THEN
    expect(f.message).toContain('is not below the default duration 2160h (90 days)');
  });

  it('rejects renewBefore together with renewBeforePercentage', () => {
    // GIVEN both
    const report = withSpec({ renewBefore: '720h', renewBeforePercentage: 30 });
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ field: 'spec.renewBeforePercentage', value: '30' });
    expect(f.message).toContain('mutually exclusive');
  });

  it('accepts a renewBeforePercentage the webhook accepts', () => {
    // GIVEN 30 % of 90 days
    // THEN
    expect(findingsOf(withSpec({ renewBeforePercentage: 30 }), ID)).toEqual([]);
  });

  it('rejects a renewBeforePercentage the webhook rejects', () => {
    // GIVEN 100 %
    const f = singleFinding(withSpec({ duration: '1h', renewBeforePercentage: 100 }), ID);
    // THEN
    expect(f.field).toBe('spec.renewBeforePercentage');
  });

  it('rejects a renewBefore that is not a Go duration', () => {
    // GIVEN days, which Go does not know
    const f = singleFinding(withSpec({ renewBefore: '30d' }), ID);
    // THEN
    expect(f.message).toContain('renewBefore "30d" is not a Go duration');
  });
});
