/**
 * Go durations (time.ParseDuration, which cert-manager uses for Certificate duration and renewBefore), and the
 * whole-unit conversions that controllers need.
 * Upstream: Go src/time/format.go (ParseDuration); cert-manager v1.21.1 internal/apis/certmanager/validation/certificate.go.
 */

const GO_UNITS: Record<string, number> = {
  ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000,
};
/** time.Duration is an int64 of nanoseconds. */
const MAX_DURATION_MS = (2 ** 63 - 1) / 1e6;

/**
 * Parses a Go duration (`time.ParseDuration`: "2160h", "1h30m", "90m", "1.5h", "-5m", "0") into milliseconds;
 * undefined when Go would reject it (no unit, unknown unit, empty, out of the int64 nanosecond range).
 */
export function parseGoDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  let rest = value;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  const part = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  while (rest.length > 0) {
    const m = part.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * GO_UNITS[m[2]];
    rest = rest.slice(m[0].length);
  }
  if (total > MAX_DURATION_MS) return undefined;
  return sign * total;
}

/** A Go duration string; returns a reason when time.ParseDuration would reject it. */
export function checkGoDuration(value: string): string | undefined {
  return parseGoDuration(value) === undefined
    ? 'must be a Go duration: a number and a unit (ns, us, ms, s, m, h), repeated, such as "2160h" or "1h30m"'
    : undefined;
}

/** A duration (in milliseconds) that a controller writes in whole seconds. */
export function checkWholeSeconds(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < 0 || ms % 1000 !== 0) {
    return `must be a whole number of seconds (got ${ms} ms): the controller configuration holds whole seconds only`;
  }
  return undefined;
}

/** A size (in kibibytes) that a controller writes in whole kibibytes. */
export function checkWholeKibibytes(kib: number): string | undefined {
  if (!Number.isFinite(kib) || kib < 0 || !Number.isInteger(kib)) {
    return `must be a whole number of kibibytes (got ${kib} KiB): the controller configuration holds whole KiB or MiB`;
  }
  return undefined;
}

/** A size (in mebibytes) that Kubernetes quantities written by this library hold in whole mebibytes. */
export function checkWholeMebibytes(mib: number): string | undefined {
  if (!Number.isFinite(mib) || mib < 0 || !Number.isInteger(mib)) {
    return `must be a whole number of mebibytes (got ${mib} MiB): the quantity is written in whole Mi or Gi`;
  }
  return undefined;
}

/** A duration in the shortest exact Go notation (milliseconds in, for example, "2160h" or "90m" out). */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
