import { Duration } from 'cdk8s';

/** Units of a Gateway API duration, largest first, in milliseconds. */
const UNITS: ReadonlyArray<readonly [string, number]> = [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]];
/** A Gateway API duration allows at most five digits per unit (`^([0-9]{1,5}(h|m|s|ms)){1,4}$`). */
const MAX_DIGITS_VALUE = 99_999;

/**
 * Renders a whole number of milliseconds as a Gateway API duration (GEP-2257: `1h30m`, `90s`, `250ms`; `0s` for
 * zero), the format of HTTPRoute `timeouts` and of Envoy Gateway's policy timeouts. Undefined when the value has no
 * such rendering (not a whole non-negative number of milliseconds, or more than 99999 hours).
 */
export function gatewayApiDuration(duration: Duration): string | undefined {
  const ms = duration.toMilliseconds({ integral: false });
  if (!Number.isInteger(ms) || ms < 0) return undefined;
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > MAX_DIGITS_VALUE) return undefined;
    if (count > 0) out += `${count}${unit}`;
  }
  return out;
}
