import { Duration } from 'cdk8s';

/** Renders a Duration as a Prometheus duration (`90s`, `5m`, `1h`, `14d`). */
export function promDuration(duration: Duration): string {
  const ms = duration.toMilliseconds();
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
