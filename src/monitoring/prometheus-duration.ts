import { Duration } from 'cdk8s';

/** Renders a Duration as a Prometheus duration (`90s`, `5m`, `1h`, `14d`); check it first with `checkPrometheusDuration`. */
export function promDuration(duration: Duration): string {
  const ms = duration.toMilliseconds();
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** Units of `model.ParseDuration`, largest first, in milliseconds. */
const PROMETHEUS_UNITS: ReadonlyArray<readonly [string, bigint]> = [
  ['y', 365n * 86_400_000n], ['w', 7n * 86_400_000n], ['d', 86_400_000n], ['h', 3_600_000n], ['m', 60_000n], ['s', 1000n], ['ms', 1n],
];
/** A Prometheus duration is a time.Duration: an int64 of nanoseconds. */
const MAX_NANOSECONDS = 2n ** 63n - 1n;

/**
 * Parses a Prometheus duration into milliseconds, as prometheus/common `model.ParseDuration` does (and the
 * prometheus-operator CRD pattern `^(0|(([0-9]+)y)?(([0-9]+)w)?...(([0-9]+)ms)?)$` for ServiceMonitor `interval` and
 * PrometheusRule `for`): "0", or whole numbers with units y, w, d, h, m, s, ms, each unit at most once and largest
 * first, within the int64 nanosecond range. Undefined when Prometheus would reject it.
 */
export function parsePrometheusDuration(value: string): number | undefined {
  if (value === '0') return 0;
  if (value === '') return undefined;
  let rest = value;
  let lastUnit = -1;
  let total = 0n;
  while (rest.length > 0) {
    const m = /^([0-9]+)([^0-9]*)/.exec(rest);
    if (!m || m[2] === '') return undefined;
    const unit = PROMETHEUS_UNITS.findIndex(([name]) => name === m[2]);
    if (unit < 0 || unit <= lastUnit) return undefined;
    lastUnit = unit;
    total += BigInt(m[1]) * PROMETHEUS_UNITS[unit][1];
    if (total * 1_000_000n > MAX_NANOSECONDS) return undefined;
    rest = rest.slice(m[0].length);
  }
  return Number(total);
}

/**
 * A duration (in milliseconds, `Duration.toMilliseconds({ integral: false })`) that `promDuration` renders as a
 * Prometheus duration: a whole number of milliseconds within Prometheus's range. Zero is accepted.
 */
export function checkPrometheusDuration(ms: number): string | undefined {
  if (!Number.isFinite(ms) || !Number.isInteger(ms) || ms < 0) {
    return `must be a whole number of milliseconds (got ${ms} ms): Prometheus durations have millisecond precision`;
  }
  if (parsePrometheusDuration(promDuration(Duration.millis(ms))) === undefined) {
    return `is out of the range of a Prometheus duration (got ${ms} ms; at most 106751 days, a 64-bit count of nanoseconds)`;
  }
  return undefined;
}
