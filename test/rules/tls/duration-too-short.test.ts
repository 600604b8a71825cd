import { tls } from './tls-manifests';
import { certificate, findingsOf, ingress, ingressClass, lintObjects, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-TLS-003';

function withDuration(duration: string) {
  return lintObjects([ingressClass(), ingress({ tls: tls() }), certificate({ override: { spec: { duration } } })]);
}

describe(`${ID} duration too short`, () => {
  it.each(['1h', '60m', '2160h', '1h30m', '1.5h'])('accepts duration %s', (duration) => {
    // GIVEN a duration of at least an hour
    // THEN
    expect(findingsOf(withDuration(duration), ID)).toEqual([]);
  });

  it('accepts a Certificate without duration (cert-manager defaults to 90 days)', () => {
    // GIVEN no duration
    const report = lintObjects([ingressClass(), ingress({ tls: tls() }), certificate()]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects a duration under one hour', () => {
    // GIVEN 59 minutes
    const f = singleFinding(withDuration('59m'), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.duration', value: shown('59m') });
    expect(f.message).toContain("duration 59m is below cert-manager's minimum of 1h");
  });

  it.each(['90d', '1 h', 'h', ''])('rejects %j, which is not a Go duration', (duration) => {
    // GIVEN a unit Go does not know, or no number
    const f = singleFinding(withDuration(duration), ID);
    // THEN
    expect(f.message).toContain('is not a Go duration');
  });
});
