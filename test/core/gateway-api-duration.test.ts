import { Duration } from 'cdk8s';
import { gatewayApiDuration } from '../../src/core/gateway-api-duration';

/** The Gateway API duration pattern (GEP-2257), as the HTTPRoute and Envoy Gateway CRDs declare it. */
const PATTERN = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;

describe('gatewayApiDuration', () => {
  it.each([
    [Duration.seconds(0), '0s'],
    [Duration.millis(250), '250ms'],
    [Duration.seconds(5), '5s'],
    [Duration.seconds(90), '1m30s'],
    [Duration.minutes(60), '1h'],
    [Duration.millis(3_723_004), '1h2m3s4ms'],
    [Duration.hours(99_999), '99999h'],
  ])('renders %s as %s, which the CRD pattern accepts', (duration, expected) => {
    // WHEN
    const rendered = gatewayApiDuration(duration);
    // THEN
    expect(rendered).toBe(expected);
    expect(rendered).toMatch(PATTERN);
  });

  it('rejects a duration of more than 99999 hours, which has no Gateway API rendering', () => {
    expect(gatewayApiDuration(Duration.hours(100_000))).toBeUndefined();
  });

  it('rejects a fraction of a millisecond', () => {
    expect(gatewayApiDuration(Duration.millis(1.5))).toBeUndefined();
  });
});
